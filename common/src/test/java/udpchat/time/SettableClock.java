package udpchat.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test sets, read by real threads: a timer decides at exact instants, and a wall clock
 * can be stepped as NTP or a user would. Shared through common's test jar.
 */
public final class SettableClock extends Clock {

  private volatile long nowMs;

  public SettableClock(long nowMs) {
    this.nowMs = nowMs;
  }

  public SettableClock(Instant now) {
    this(now.toEpochMilli());
  }

  public void set(long ms) {
    nowMs = ms;
  }

  public void set(Instant now) {
    set(now.toEpochMilli());
  }

  /** Moves it by {@code step}, back when negative. */
  public void step(Duration step) {
    nowMs += step.toMillis();
  }

  @Override
  public long millis() {
    return nowMs;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(nowMs);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
