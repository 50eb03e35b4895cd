package udpchat.client.view.format;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The line that separates days, irssi style: "-- Wednesday 2 December 2026 --" before the first
 * line shown of another day than the line before it (starting from today, so a backlog of yesterday
 * is headed by its day, and today's lines after it by today's).
 *
 * <p>Not thread-safe: the views call it under their print lock.
 */
public final class DayChange {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

  private final Clock clock;
  private LocalDate lastDay;

  public DayChange(Clock clock) {
    this.clock = clock;
    this.lastDay = LocalDate.now(clock);
  }

  /**
   * The line to show before a line stamped {@code time}, or {@code null} when the day is the same.
   */
  public String before(Instant time) {
    LocalDate day = time.atZone(clock.getZone()).toLocalDate();
    if (day.equals(lastDay)) {
      return null;
    }
    lastDay = day;
    return "-- " + DAY.format(day) + " --";
  }
}
