package udpchat.server.delivery;

import java.net.InetSocketAddress;
import udpchat.server.journal.RoomEvent;
import udpchat.time.RetransmitTimer;

/**
 * One member's stream of room events: the events after {@link #start} that it may see, sent up to
 * {@link #lastSent}, acknowledged up to {@link #acked}, and when to send again what is not
 * acknowledged, by the member's own round trips (its {@link RetransmitTimer}). {@link Delivery}
 * moves it; nothing else writes it, and it is touched only on the room's thread.
 */
public final class Stream {

  /** {@link #timedSeq} when no event is being timed (event numbers start at 1). */
  private static final long NOT_TIMED = 0;

  /** Backoffs counted at most; the timeout reaches {@link Delivery#MAX_RTO_MS} long before. */
  private static final int MAX_BACKOFFS = 16;

  private final InetSocketAddress address;
  private final String client;
  private long start;
  private long lastSent;
  private long acked;
  private long resendAtMs;
  private long lastResendMs = Long.MIN_VALUE / 2; // far past, without overflow in a subtraction

  /** The event whose round trip is being measured (sent once, nothing resent since), if any. */
  private long timedSeq = NOT_TIMED;

  private long timedSentMs;

  /** The round trip the last ack measured, or -1: taken once by {@link Delivery} to count it. */
  private long measuredMs = -1;

  /** Timeouts since the last measured round trip: the timeout is doubled as often. */
  private int backoffs;

  /** The member's round-trip estimate: three numbers, its bounds shared by all members. */
  private final RetransmitTimer timer = new RetransmitTimer(Delivery.EVENT_TIMER);

  /**
   * @param address where the member's events go
   * @param client the member's client id, which decides what private events it may see
   */
  public Stream(InetSocketAddress address, String client) {
    this.address = address;
    this.client = client;
  }

  public InetSocketAddress address() {
    return address;
  }

  String client() {
    return client;
  }

  /** The event the stream starts after: the member is sent only what comes later. */
  public long start() {
    return start;
  }

  /** The last event sent (or counted as sent, for a catch-up to send). */
  public long lastSent() {
    return lastSent;
  }

  long acked() {
    return acked;
  }

  /** Whether the member has events sent and not yet acknowledged. */
  boolean behind() {
    return acked < lastSent;
  }

  /** Whether {@code event} belongs in this stream: after its start, and for its client. */
  boolean sees(RoomEvent event) {
    return event.seq() > start && event.audience().includes(client);
  }

  /** Starts over after {@code start}, with what is up to {@code lastSent} counted as sent. */
  void begin(long start, long lastSent) {
    this.start = start;
    this.acked = start;
    this.lastSent = lastSent;
    this.backoffs = 0;
    this.timedSeq = NOT_TIMED;
  }

  /** Event {@code seq} was sent for the first time at {@code nowMs}. */
  void sent(long seq, long nowMs) {
    if (timedSeq == NOT_TIMED) {
      timedSeq = seq; // its first send: the ack that covers it is a round trip
      timedSentMs = nowMs;
    }
    lastSent = seq;
  }

  /**
   * The member has shown the stream up to {@code seq}: whether that moved it on. A measured round
   * trip updates the timer; the timeout then starts again.
   */
  boolean acked(long seq, long nowMs) {
    if (seq <= acked || seq > lastSent) {
      return false;
    }
    acked = seq;
    if (timedSeq != NOT_TIMED && seq >= timedSeq) {
      measuredMs = nowMs - timedSentMs;
      timer.onSample(measuredMs * 1_000_000);
      timedSeq = NOT_TIMED;
      backoffs = 0; // the member answers in time again
    } else if (backoffs > 0) {
      // It answers, but whether in time is not known (Karn): one doubling is taken back. Not
      // all, so that a member whose round trip grew past twice its timeout (every event sent
      // again, none measurable) still backs off until one is measured; not none, since at 40%
      // loss (ReliabilityTest) that kept timeouts near the maximum long after the member had
      // answered: paced delivery p99 5.3 s in two runs, against 0.9 to 2.4 s.
      backoffs--;
    }
    restartTimer(nowMs);
    return true;
  }

  /** The round trip the last ack measured, once (then -1 until the next is measured). */
  long takeMeasuredMs() {
    long ms = measuredMs;
    measuredMs = -1;
    return ms;
  }

  /** The member's smoothed round trip (SRTT) in nanoseconds, or -1 before the first is measured. */
  public long smoothedRoundTripNs() {
    return timer.smoothedNs();
  }

  /** Room events sent to the member and not yet acknowledged, counted by their numbers. */
  public long unacknowledged() {
    return lastSent - acked;
  }

  /** Events are resent from now on: an ack may answer a copy, or may have waited for it (Karn). */
  void resending(long nowMs) {
    lastResendMs = nowMs;
    timedSeq = NOT_TIMED;
  }

  /** Whether the last resend was at least {@code intervalMs} before {@code nowMs}. */
  boolean resentBefore(long nowMs, long intervalMs) {
    return nowMs - lastResendMs >= intervalMs;
  }

  /** The timeout starts again from {@code nowMs}. */
  void restartTimer(long nowMs) {
    resendAtMs = nowMs + timeoutMs();
  }

  /** Whether the timeout has run out at {@code nowMs}. */
  boolean timedOut(long nowMs) {
    return nowMs >= resendAtMs;
  }

  /** A timeout fired: the next one is twice as long, and starts now. */
  void backOff(long nowMs) {
    backoffs = Math.min(backoffs + 1, MAX_BACKOFFS);
    restartTimer(nowMs);
  }

  /** The retransmission timeout now, backoff included, in whole milliseconds. */
  long timeoutMs() {
    return (timer.timeoutNs(backoffs) + 999_999) / 1_000_000;
  }
}
