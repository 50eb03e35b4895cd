package udpchat.server.door;

/**
 * A token bucket: holds up to {@code burst} tokens, gains {@code perSecond} a second, and each
 * datagram takes one; with none left, the datagram is over the rate. So a source may send a burst
 * at once and then keep to the rate. Time is an argument. Not thread-safe: its owner guards it.
 */
public final class TokenBucket {

  private final double perMs;
  private final double burst;
  private double tokens;
  private long lastMs;

  /** A full bucket at {@code nowMs}. */
  public TokenBucket(int perSecond, int burst, long nowMs) {
    if (perSecond < 1 || burst < 1) {
      throw new IllegalArgumentException("the rate and the burst must be at least 1");
    }
    this.perMs = perSecond / 1000.0;
    this.burst = burst;
    this.tokens = burst;
    this.lastMs = nowMs;
  }

  /** Takes a token if there is one at {@code nowMs}; whether there was. */
  public boolean take(long nowMs) {
    refill(nowMs);
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }

  /**
   * Whether the bucket is full at {@code nowMs}: then forgetting it and making a new one later
   * changes nothing for its source.
   */
  boolean full(long nowMs) {
    refill(nowMs);
    return tokens >= burst;
  }

  private void refill(long nowMs) {
    if (nowMs > lastMs) { // a clock that went back adds nothing
      tokens = Math.min(burst, tokens + (nowMs - lastMs) * perMs);
      lastMs = nowMs;
    }
  }
}
