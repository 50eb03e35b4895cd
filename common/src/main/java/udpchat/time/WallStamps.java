package udpchat.time;

import java.time.Clock;
import java.time.Instant;
import java.util.function.LongUnaryOperator;

/**
 * The wall time of a time of the timers' monotonic clock: the two clocks' offset, read at each
 * call, so what is shown or stamped follows the wall clock (NTP, a user setting the date) while no
 * timer does. Where both are one clock (tests that set the time) it is the identity.
 */
public final class WallStamps implements LongUnaryOperator {

  /**
   * The timers' milliseconds shown as they are, as dates (tests that drive time by hand); {@link
   * #now} is the system's.
   */
  public static final WallStamps UNCONVERTED = of(Clock.systemUTC());

  private final Clock timers;
  private final Clock wall;

  /**
   * @param timers what timers decide by ({@link MonotonicClock} outside tests)
   * @param wall what is shown and stamped
   */
  public WallStamps(Clock timers, Clock wall) {
    this.timers = timers;
    this.wall = wall;
  }

  /** One clock for both: the timers' milliseconds are shown as they are. */
  public static WallStamps of(Clock clock) {
    return new WallStamps(clock, clock);
  }

  /** The wall time, in milliseconds since the epoch, of {@code timersMs}. */
  @Override
  public long applyAsLong(long timersMs) {
    if (timers == wall) {
      return timersMs; // exactly: two reads of one clock can differ by a millisecond
    }
    return timersMs + (wall.millis() - timers.millis());
  }

  /** The wall time of {@code timersMs}, to show. */
  public Instant instantAt(long timersMs) {
    return Instant.ofEpochMilli(applyAsLong(timersMs));
  }

  /** The wall time now. */
  public Instant now() {
    return wall.instant();
  }
}
