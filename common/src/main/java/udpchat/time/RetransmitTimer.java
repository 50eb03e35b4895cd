package udpchat.time;

import java.time.Duration;

/**
 * How long to wait for an answer before sending a request again: the retransmission timeout of RFC
 * 6298, from round-trip samples the caller measures, plus an allowance for the far end's
 * processing, clamped to a floor and a ceiling, and doubled for each time the same request went
 * unanswered.
 *
 * <p>Before the first sample the timeout is the initial one. The first sample R sets SRTT = R and
 * RTTVAR = R/2; each later one sets RTTVAR = 3/4 RTTVAR + 1/4 |SRTT - R|, then SRTT = 7/8 SRTT +
 * 1/8 R. The timeout is SRTT + max(G, 4 RTTVAR) + allowance, between the minimum and the maximum.
 * Karn's rule is the caller's: it must not sample a request it sent more than once, since the
 * answer may be to any copy.
 *
 * <p>Clock-free: samples are durations, in nanoseconds. Not thread-safe; its owner's lock guards
 * it. The bounds ({@link Settings}) are kept apart from the estimate, so that many timers of one
 * kind (the server keeps one per member) share one copy of them: a timer is three numbers.
 */
public final class RetransmitTimer {

  /** The clock's granularity (RFC 6298's G): the callers' clocks count milliseconds. */
  public static final long GRANULARITY_NS = 1_000_000L;

  /**
   * The bounds of a kind of timer, shared by all timers of that kind.
   *
   * @param initialNs the timeout until the first sample
   * @param minNs the floor of the timeout (before backoff)
   * @param maxNs the ceiling of the timeout, backoff included
   * @param allowanceNs added to every measured timeout: what the samples may not show of the far
   *     end's processing
   */
  public record Settings(long initialNs, long minNs, long maxNs, long allowanceNs) {

    public Settings {
      if (minNs < 0 || minNs > maxNs || initialNs < minNs || initialNs > maxNs || allowanceNs < 0) {
        throw new IllegalArgumentException(
            "need 0 <= min <= initial <= max and allowance >= 0: initial "
                + initialNs / 1e6
                + " ms, min "
                + minNs / 1e6
                + " ms, max "
                + maxNs / 1e6
                + " ms, allowance "
                + allowanceNs / 1e6
                + " ms");
      }
    }

    /** The same bounds, from durations. */
    public static Settings of(Duration initial, Duration min, Duration max, Duration allowance) {
      return new Settings(initial.toNanos(), min.toNanos(), max.toNanos(), allowance.toNanos());
    }
  }

  /**
   * The timer for a client's {@code say} and {@code tell} until {@code posted} (PROTOCOL.md §8),
   * shared by the Java client and the load generator's simulated one.
   *
   * <ul>
   *   <li>Initial 250 ms: a guess before anything is measured, as the client always used.
   *   <li>Minimum 30 ms. On a LAN the round trip is well under a millisecond, so the floor, not the
   *       estimate, decides; it must cover what a few samples do not show: a garbage-collection
   *       pause or a scheduler's time slice on a busy machine (tens of milliseconds), and the
   *       client's own timer tick (10 ms). TCP's 200 ms is there for delayed acks, which {@code
   *       posted} never is; QUIC's 1 ms assumes exact timers. A resend too early costs one small
   *       datagram each way (the server answers a copy with {@code posted} again, nothing is posted
   *       twice); one too late holds back every later message of the sender, since the server posts
   *       them in order.
   *   <li>Maximum 1 s: a LAN has no congestion worth backing off further for, and a person is
   *       waiting.
   *   <li>Allowance 5 ms: the server answers at once, but its answer leaves behind the fan-out of
   *       the events before it (about 4 ms for one event to 1,000 members on loopback).
   * </ul>
   */
  public static final Settings MESSAGES =
      Settings.of(
          Duration.ofMillis(250),
          Duration.ofMillis(30),
          Duration.ofSeconds(1),
          Duration.ofMillis(5));

  private final Settings settings;

  private long smoothedNs = -1;
  private long variationNs;
  private long samples;

  /**
   * @param initial the timeout until the first sample
   * @param min the floor of the timeout (before backoff)
   * @param max the ceiling of the timeout, backoff included
   * @param allowance added to every measured timeout: what the samples may not show of the far
   *     end's processing
   */
  public RetransmitTimer(Duration initial, Duration min, Duration max, Duration allowance) {
    this(Settings.of(initial, min, max, allowance));
  }

  /** A timer within {@code settings}, which it shares with the other timers of its kind. */
  public RetransmitTimer(Settings settings) {
    this.settings = settings;
  }

  /** A timer for a client's messages: {@link #MESSAGES}. */
  public static RetransmitTimer forMessages() {
    return new RetransmitTimer(MESSAGES);
  }

  /** Takes one round-trip sample (of a request sent once). */
  public void onSample(long rttNs) {
    long sampleNs = Math.max(0, rttNs);
    if (smoothedNs < 0) {
      smoothedNs = sampleNs;
      variationNs = sampleNs / 2;
    } else {
      // RTTVAR first: it uses the SRTT from before this sample (RFC 6298, 2.3).
      variationNs = variationNs - variationNs / 4 + Math.abs(smoothedNs - sampleNs) / 4;
      smoothedNs = smoothedNs - smoothedNs / 8 + sampleNs / 8;
    }
    samples++;
  }

  /** The timeout for a request's first wait: the initial one until the first sample. */
  public long timeoutNs() {
    if (smoothedNs < 0) {
      return settings.initialNs();
    }
    long measuredNs =
        smoothedNs
            + Math.max(GRANULARITY_NS, 4 * variationNs)
            + settings.allowanceNs(); // RFC 6298, 2.3
    return Math.min(settings.maxNs(), Math.max(settings.minNs(), measuredNs));
  }

  /**
   * The timeout after a request went unanswered {@code backoffs} times in a row: the timeout
   * doubled as often (RFC 6298, 5.5), up to the maximum.
   */
  public long timeoutNs(int backoffs) {
    long maxNs = settings.maxNs();
    long timeoutNs = timeoutNs();
    for (int i = 0; i < backoffs && timeoutNs < maxNs; i++) {
      timeoutNs *= 2;
    }
    return Math.min(maxNs, timeoutNs);
  }

  /** The smoothed round-trip time (SRTT), or -1 before the first sample. */
  public long smoothedNs() {
    return smoothedNs;
  }

  /** The round-trip time's variation (RTTVAR), 0 before the first sample. */
  public long variationNs() {
    return variationNs;
  }

  /** How many samples were taken. */
  public long samples() {
    return samples;
  }

  /** The bounds this timer keeps to. */
  public Settings settings() {
    return settings;
  }

  @Override
  public String toString() {
    return "RetransmitTimer["
        + settings
        + ", srtt "
        + smoothedNs / 1e6
        + " ms, rttvar "
        + variationNs / 1e6
        + " ms]";
  }
}
