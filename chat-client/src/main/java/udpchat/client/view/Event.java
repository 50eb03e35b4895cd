package udpchat.client.view;

import java.time.Instant;

/**
 * One thing to show the user: a message, an action, a private message, a notice, an error, or the
 * state of a message the user sent (sending, delivered, failed). Fields come from the network as
 * they are; {@code format.EventFormat} makes them safe to print.
 *
 * @param from the sender's name (messages, actions, private messages)
 * @param to the recipient of a private message
 * @param text the message, notice or error; for a failed message, the reason
 * @param own whether this user sent it
 * @param old whether it is from the room's history (the backlog shown on joining, or /history)
 * @param n for the states of a sent message: the message's number
 * @param subject for the states of a sent message: the message as it is shown
 * @param server whether it is about the link to the server (joining, reachability, its key), not
 *     the room: the full-screen view shows it in its status window; the other views alike
 */
public record Event(
    Instant time,
    Kind kind,
    String from,
    String to,
    String text,
    boolean own,
    boolean old,
    long n,
    Event subject,
    boolean server) {

  public enum Kind {
    MESSAGE,
    ACTION,
    PRIVATE,
    NOTICE,
    ERROR,
    /** A message of the user's on its way: not acknowledged by the server yet. */
    SENDING,
    /** A message of the user's acknowledged by the server, which delivers it to the room. */
    DELIVERED,
    /** A message of the user's that was refused or never acknowledged; {@code text} says why. */
    FAILED
  }

  public static Event message(Instant time, String from, String text, boolean own) {
    return new Event(time, Kind.MESSAGE, from, null, text, own, false, 0, null, false);
  }

  public static Event action(Instant time, String from, String text, boolean own) {
    return new Event(time, Kind.ACTION, from, null, text, own, false, 0, null, false);
  }

  public static Event privately(Instant time, String from, String to, String text, boolean own) {
    return new Event(time, Kind.PRIVATE, from, to, text, own, false, 0, null, false);
  }

  public static Event notice(Instant time, String text) {
    return new Event(time, Kind.NOTICE, null, null, text, false, false, 0, null, false);
  }

  public static Event error(Instant time, String text) {
    return new Event(time, Kind.ERROR, null, null, text, false, false, 0, null, false);
  }

  public static Event sending(Instant time, long n, Event subject) {
    return new Event(time, Kind.SENDING, null, null, null, true, false, n, subject, false);
  }

  public static Event delivered(Instant time, long n, Event subject) {
    return new Event(time, Kind.DELIVERED, null, null, null, true, false, n, subject, false);
  }

  public static Event failed(Instant time, long n, Event subject, String reason) {
    return new Event(time, Kind.FAILED, null, null, reason, true, false, n, subject, false);
  }

  /** The same event, marked as history. */
  public Event asOld() {
    return new Event(time, kind, from, to, text, own, true, n, subject, server);
  }

  /** The same event, marked as about the link to the server rather than the room. */
  public Event asServer() {
    return new Event(time, kind, from, to, text, own, old, n, subject, true);
  }
}
