package udpchat.client.view;

import java.time.Instant;

/**
 * One thing to show the user: a message, an action, a private message, a notice or an error. Fields
 * come from the network as they are; {@link EventFormat} makes them safe to print.
 *
 * @param from the sender's name (messages, actions, private messages)
 * @param to the recipient of a private message
 * @param own whether this user sent it
 */
public record Event(Instant time, Kind kind, String from, String to, String text, boolean own) {

  public enum Kind {
    MESSAGE,
    ACTION,
    PRIVATE,
    NOTICE,
    ERROR
  }

  public static Event message(Instant time, String from, String text, boolean own) {
    return new Event(time, Kind.MESSAGE, from, null, text, own);
  }

  public static Event action(Instant time, String from, String text, boolean own) {
    return new Event(time, Kind.ACTION, from, null, text, own);
  }

  public static Event privately(Instant time, String from, String to, String text, boolean own) {
    return new Event(time, Kind.PRIVATE, from, to, text, own);
  }

  public static Event notice(Instant time, String text) {
    return new Event(time, Kind.NOTICE, null, null, text, false);
  }

  public static Event error(Instant time, String text) {
    return new Event(time, Kind.ERROR, null, null, text, false);
  }
}
