package udpchat.client.view.format;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import udpchat.client.view.Event;
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
 * 2026-12-01 23:59:58 [history] &lt;dave&gt; said yesterday
 * </pre>
 *
 * <p>The time is when the server took the event (its {@code at}), in the local time zone, so every
 * client shows the same time for the same line; a line of another day than today says its date too.
 *
 * <p>Every field passes through {@link Sanitizer#clean}, so nothing from the network reaches the
 * terminal raw.
 */
public final class EventFormat {

  /** The time of day shown by default: {@code /set time_format} changes it. */
  public static final String DEFAULT_TIME_FORMAT = "HH:mm:ss";

  // Changed by timeFormat on the view's thread, the one that formats.
  private DateTimeFormatter timeOfDay;
  private DateTimeFormatter dateAndTime;

  private final Clock clock;

  /** Times in the clock's zone; the clock says what day today is. */
  public EventFormat(Clock clock) {
    this.clock = clock;
    timeFormat(DEFAULT_TIME_FORMAT);
  }

  /**
   * Shows the time of day as {@code pattern} says ({@link DateTimeFormatter}'s letters, like {@code
   * HH:mm}) from now on; a line of another day puts the date before it. Called on the thread that
   * formats.
   */
  public void timeFormat(String pattern) {
    this.timeOfDay = DateTimeFormatter.ofPattern(pattern);
    this.dateAndTime = DateTimeFormatter.ofPattern("yyyy-MM-dd " + pattern);
  }

  /** Times in {@code zone}, today by the system clock. */
  public EventFormat(ZoneId zone) {
    this(Clock.system(zone));
  }

  /** The clock whose zone and day the lines are shown in. */
  public Clock clock() {
    return clock;
  }

  public String format(Event event) {
    return stamp(event.time()) + " " + body(event);
  }

  /** {@code time} in the local zone: the time of day, with the date when it is not today. */
  public String stamp(Instant time) {
    ZonedDateTime local = time.atZone(clock.getZone());
    boolean today = local.toLocalDate().equals(LocalDate.now(clock));
    return (today ? timeOfDay : dateAndTime).format(local);
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
