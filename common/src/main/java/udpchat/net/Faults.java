package udpchat.net;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import udpchat.time.Durations;

/**
 * What a {@link FaultInjector} does to datagrams, each fault decided independently per datagram:
 * with probability {@code loss} it is dropped; {@code duplicate}, handed on twice; {@code reorder},
 * held back and handed on right after the next datagram between the same two ends (or {@code
 * maxDelay} later at the latest, so it never sticks); {@code delay}, handed on after a random delay
 * in [0, {@code maxDelay}]. When several are drawn, loss wins and reorder beats delay; a duplicate
 * is held or delayed with its original. The same {@code seed} and datagrams give the same faults.
 */
public record Faults(
    double loss, double duplicate, double reorder, double delay, Duration maxDelay, long seed) {

  /**
   * The longest {@code maxDelay}: a LAN's delays are far shorter, and nanoseconds stay in range.
   */
  public static final Duration MAX_DELAY_LIMIT = Duration.ofHours(1);

  // After MAX_DELAY_LIMIT, which the constructor reads.
  /** Faults are off: every datagram is handed on once, at once, unchanged. */
  public static final Faults NONE = new Faults(0, 0, 0, 0, Duration.ZERO, 0);

  public Faults {
    checkProbability("loss", loss);
    checkProbability("duplicate", duplicate);
    checkProbability("reorder", reorder);
    checkProbability("delay", delay);
    if (maxDelay == null || maxDelay.isNegative() || maxDelay.compareTo(MAX_DELAY_LIMIT) > 0) {
      throw new IllegalArgumentException("maxDelay must be between 0 and 1h, not " + maxDelay);
    }
  }

  private static void checkProbability(String name, double p) {
    if (!(p >= 0 && p <= 1)) { // written so that NaN fails too
      throw new IllegalArgumentException(name + " must be a probability from 0 to 1, not " + p);
    }
  }

  /** Whether any fault can happen at all. */
  public boolean any() {
    return loss > 0 || duplicate > 0 || reorder > 0 || delay > 0;
  }

  /**
   * For a log line: {@code loss 20%, duplicate 10%, reorder 10%, delay 10% up to 50ms, seed 42}.
   */
  public String describe() {
    if (!any()) {
      return "no faults";
    }
    return String.format(
        "loss %s, duplicate %s, reorder %s, delay %s up to %s, seed %d",
        percent(loss),
        percent(duplicate),
        percent(reorder),
        percent(delay),
        Durations.format(maxDelay),
        seed);
  }

  @Override
  public String toString() {
    return describe();
  }

  private static String percent(double p) {
    // BigDecimal, not String.format: no locale, no "20.000000000000004".
    return BigDecimal.valueOf(p * 100)
            .setScale(2, RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString()
        + "%";
  }
}
