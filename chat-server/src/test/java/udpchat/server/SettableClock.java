package udpchat.server;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock a test sets, read by a real server's threads: the server decides at exact instants. */
final class SettableClock extends Clock {

  private volatile long nowMs;

  SettableClock(long nowMs) {
    this.nowMs = nowMs;
  }

  void set(long ms) {
    nowMs = ms;
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
