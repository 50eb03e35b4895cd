package udpchat.client.view;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import udpchat.text.Sanitizer;

/**
 * The one line an {@link Event} becomes on screen, the same in both views:
 *
 * <pre>
 * 12:00:01 &lt;bob&gt; hello
 * 12:00:02 * bob waves
 * 12:00:03 [private] &lt;bob&gt; psst
 * 12:00:04 [private to bob] &lt;alice&gt; psst
 * 12:00:05 -- carol joined (3 online)
 * 12:00:06 !! the name Bob is taken in this room; choose another
 * 11:58:40 [history] &lt;dave&gt; said before you came
 * 12:00:07 .. sending: &lt;alice&gt; are you there?
 * 12:00:07 ok delivered: &lt;alice&gt; are you there?
 * 12:01:07 !! not delivered (no answer from the server for 1m): &lt;alice&gt; anyone?
 * </pre>
 *
 * Every field passes through {@link Sanitizer#clean}, so nothing from the network reaches the
 * terminal raw.
 */
public final class EventFormat {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final ZoneId zone;

  public EventFormat(ZoneId zone) {
    this.zone = zone;
  }

  public String format(Event event) {
    return TIME.format(event.time().atZone(zone)) + " " + body(event);
  }

  /** The line without its time: what the status area shows for a message on its way. */
  public String body(Event event) {
    String from = Sanitizer.clean(event.from());
    String text = Sanitizer.clean(event.text());
    String old = event.old() ? "[history] " : "";
    switch (event.kind()) {
      case MESSAGE:
        return old + "<" + from + "> " + text;
      case ACTION:
        return old + "* " + from + " " + text;
      case PRIVATE:
        String label =
            event.own() ? "[private to " + Sanitizer.clean(event.to()) + "]" : "[private]";
        return label + " <" + from + "> " + text;
      case NOTICE:
        return "-- " + old + text;
      case SENDING:
        return ".. sending: " + body(event.subject());
      case DELIVERED:
        return "ok delivered: " + body(event.subject());
      case FAILED:
        return "!! not delivered (" + text + "): " + body(event.subject());
      default:
        return "!! " + text;
    }
  }
}
