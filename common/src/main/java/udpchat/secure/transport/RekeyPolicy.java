package udpchat.secure.transport;

import java.time.Duration;

/**
 * When a session's keys are due for a new handshake, and when they must no longer be used: after a
 * number of messages or an age, whichever comes first, as WireGuard's REKEY_AFTER_* and
 * REJECT_AFTER_* limits.
 *
 * <p>{@link #DEFAULT}: a new handshake after {@value #REKEY_AFTER_MESSAGES} messages (2^20: at a
 * thousand datagrams a second, 17 minutes, so the 120 s nearly always come first; the count bounds
 * a session that floods, far below where ChaChaPoly's limits matter) or 120 s; the keys are refused
 * after twice the messages or 180 s, which leaves a lost handshake time to be retried. A new
 * handshake brings new ephemeral keys, so the keys of a session older than the reject age exist
 * nowhere: that bounds what a stolen machine's memory gives away (forward secrecy).
 *
 * <p>Time is an argument: the caller passes {@code nowNanos} from a monotonic clock ({@code
 * System.nanoTime} in production); this class never reads one.
 */
public record RekeyPolicy(
    long rekeyAfterMessages, Duration rekeyAfter, long rejectAfterMessages, Duration rejectAfter) {

  public static final long REKEY_AFTER_MESSAGES = 1L << 20;

  public static final RekeyPolicy DEFAULT =
      new RekeyPolicy(
          REKEY_AFTER_MESSAGES,
          Duration.ofSeconds(120),
          2 * REKEY_AFTER_MESSAGES,
          Duration.ofSeconds(180));

  public RekeyPolicy {
    if (rekeyAfterMessages <= 0 || rejectAfterMessages < rekeyAfterMessages) {
      throw new IllegalArgumentException("rekey after > 0 messages, and reject no sooner");
    }
    if (rekeyAfter.isNegative() || rekeyAfter.isZero() || rejectAfter.compareTo(rekeyAfter) < 0) {
      throw new IllegalArgumentException("rekey after a positive time, and reject no sooner");
    }
  }

  /**
   * Whether a session that has used {@code messages} counters and was established at {@code
   * establishedNanos} should start a new handshake at {@code nowNanos}.
   */
  public boolean rekeyDue(long messages, long establishedNanos, long nowNanos) {
    return messages >= rekeyAfterMessages || nowNanos - establishedNanos >= rekeyAfter.toNanos();
  }

  /** Whether that session's keys are too old to seal or open anything more. */
  public boolean expired(long messages, long establishedNanos, long nowNanos) {
    return messages >= rejectAfterMessages || nowNanos - establishedNanos >= rejectAfter.toNanos();
  }
}
