package udpchat.protocol;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.net.Addresses;
import udpchat.text.Sanitizer;

/**
 * Counts dropped datagrams by reason, and logs each reason at most once a second, so a flood of
 * garbage shows up in the log as one line a second, not one line a datagram. The reasons are the
 * {@link ProtocolException.Reason} codes and the constants below.
 */
public final class Drops {

  /** A well-formed request from an address that is not a member. */
  public static final String NOT_JOINED = "not-joined";

  /**
   * A datagram over its source address's rate (the token bucket of {@code --rate-limit} and {@code
   * --burst}), dropped before it was decoded.
   */
  public static final String RATE_LIMITED = "rate-limited";

  /** A join shorter than {@link Limits#MIN_JOIN_BYTES}, dropped unanswered. */
  public static final String SHORT_JOIN = "short-join";

  /**
   * A reply to an address that is not a member, not sent because the server's budget for such
   * replies (a rate in all) was spent: forged requests from many addresses cannot make it a flood.
   */
  public static final String REPLY_LIMITED = "reply-limited";

  /**
   * A reply to an address that is not a member, not sent because it would have been larger than the
   * datagram it answered (the protocol's sizes make this impossible: counted in case a change
   * breaks them).
   */
  public static final String WOULD_AMPLIFY = "would-amplify";

  /** A request whose session token is not the one of the member at its source address. */
  public static final String FORGED_SESSION = "forged-session";

  /**
   * A message that arrived so far ahead of its turn (earlier ones lost) that it was not held; its
   * client sends it again.
   */
  public static final String TOO_FAR_AHEAD = "too-far-ahead";

  /** An outgoing datagram dropped because the outbox queue was full (overload). */
  public static final String OUTBOX_FULL = "outbox-full";

  /**
   * A datagram dropped by the receiver because the thread that owns the room (server) or the
   * session (client) had its inbox full: the receiver never waits for it, and the other side sends
   * again what was not acknowledged.
   */
  public static final String INBOX_FULL = "inbox-full";

  /**
   * In a private room, a datagram that does not open under the room key (not sealed, another key,
   * altered): dropped before any JSON is read, and never answered.
   */
  public static final String BAD_SEAL = "bad-seal";

  /**
   * In a private room, a genuine datagram that was received before (recorded and sent again, or
   * duplicated on the way): dropped before any JSON is read.
   */
  public static final String REPLAYED = "replayed";

  /**
   * A sealed datagram from an address that holds no session (the server restarted or forgot it, or
   * a forgery): answered with a retry within the stranger budget, never read.
   */
  public static final String NO_SESSION = "no-session";

  /** A sealed datagram whose key id names none of its sender's sessions. */
  public static final String UNKNOWN_SESSION = "unknown-session";

  /**
   * Not a datagram of protocol 3 at all (plaintext JSON, another kind, a hello of another size).
   */
  public static final String NOT_SEALED = "not-sealed";

  /** A hello that names a valid cookie but does not complete (a forged ephemeral key). */
  public static final String BAD_HANDSHAKE = "bad-handshake";

  /** An authenticated datagram over its session's rate. */
  public static final String SESSION_RATE_LIMITED = "session-rate-limited";

  /** A hello refused because the server holds as many sessions as it keeps. */
  public static final String SESSIONS_FULL = "sessions-full";

  /** A sealed datagram whose counter is too far below the highest seen to check. */
  public static final String TOO_OLD = "too-old";

  /** A datagram to an address without a session: nothing to seal it with, so never sent. */
  public static final String NO_KEYS = "no-keys";

  /** The server's key was not the one this client trusts: the handshake was refused. */
  public static final String SERVER_KEY_REFUSED = "server-key-refused";

  /** An outgoing datagram the kernel refused to send. */
  public static final String SEND_FAILED = "send-failed";

  private static final Logger log = LoggerFactory.getLogger(Drops.class);
  private static final long LOG_INTERVAL_MS = 1000;

  private final Clock clock;
  private final Map<String, Counter> byReason = new ConcurrentHashMap<>();

  public Drops(Clock clock) {
    this.clock = clock;
  }

  /** Counts one drop of a datagram from {@code from}; {@code detail} says what was wrong. */
  public void count(String reason, InetSocketAddress from, String detail) {
    Counter counter = byReason.computeIfAbsent(reason, r -> new Counter());
    long total = counter.total.incrementAndGet();
    long nowMs = clock.millis();
    long lastMs = counter.lastLogMs.get();
    if (nowMs - lastMs >= LOG_INTERVAL_MS && counter.lastLogMs.compareAndSet(lastMs, nowMs)) {
      long since = total - counter.loggedTotal.getAndSet(total);
      log.warn(
          "dropped {} datagram(s) ({}), {} in all; latest from {}: {}",
          since,
          reason,
          total,
          from == null ? "this side" : Addresses.format(from),
          Sanitizer.clean(detail));
    }
  }

  /** How many datagrams were dropped for {@code reason} so far. */
  public long count(String reason) {
    Counter counter = byReason.get(reason);
    return counter == null ? 0 : counter.total.get();
  }

  /** Every reason with its count, in name order. */
  public Map<String, Long> snapshot() {
    Map<String, Long> counts = new TreeMap<>();
    byReason.forEach((reason, counter) -> counts.put(reason, counter.total.get()));
    return counts;
  }

  private static final class Counter {
    final AtomicLong total = new AtomicLong();
    final AtomicLong loggedTotal = new AtomicLong();
    final AtomicLong lastLogMs = new AtomicLong(Long.MIN_VALUE / 2);
  }
}
