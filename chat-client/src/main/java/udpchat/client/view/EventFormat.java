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
    String time = TIME.format(event.time().atZone(zone));
    String from = Sanitizer.clean(event.from());
    String text = Sanitizer.clean(event.text());
    switch (event.kind()) {
      case MESSAGE:
        return time + " <" + from + "> " + text;
      case ACTION:
        return time + " * " + from + " " + text;
      case PRIVATE:
        String label =
            event.own() ? "[private to " + Sanitizer.clean(event.to()) + "]" : "[private]";
        return time + " " + label + " <" + from + "> " + text;
      case NOTICE:
        return time + " -- " + text;
      default:
        return time + " !! " + text;
    }
  }
}
