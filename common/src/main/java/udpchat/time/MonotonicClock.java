package udpchat.time;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock for timers only: {@code millis()} is {@link System#nanoTime()} in milliseconds, which NTP
 * or a user setting the date cannot move, so an expiry, a heartbeat or a retransmission is never
 * early or late by a clock step. Its instants are not dates: what is shown or stamped takes the
 * wall clock ({@code Clock.systemUTC()}).
 */
public final class MonotonicClock extends Clock {

  /** The one instance: nanoTime has one origin per JVM. */
  public static final MonotonicClock INSTANCE = new MonotonicClock();

  private MonotonicClock() {}

  @Override
  public long millis() {
    return System.nanoTime() / 1_000_000;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this; // a count of milliseconds has no zone
  }
}
