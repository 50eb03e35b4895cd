package udpchat.net;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import udpchat.time.Durations;

/**
 * The {@code --simulate-*} options both programs share, as a picocli {@code @Mixin}: a testing aid
 * that turns on a {@link FaultInjector} for every datagram the program sends and receives.
 */
public final class FaultOptions {

  private static final String EVERY_DATAGRAM =
      " Applies to every datagram this program sends and receives.";

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--simulate-loss",
      paramLabel = "P",
      defaultValue = "0",
      description =
          "Testing aid: drop each datagram with probability P, from 0 to 1 (default:"
              + " ${DEFAULT-VALUE})."
              + EVERY_DATAGRAM)
  double loss;

  @Option(
      names = "--simulate-duplicate",
      paramLabel = "P",
      defaultValue = "0",
      description =
          "Testing aid: deliver each datagram twice with probability P (default: ${DEFAULT-VALUE})."
              + EVERY_DATAGRAM)
  double duplicate;

  @Option(
      names = "--simulate-reorder",
      paramLabel = "P",
      defaultValue = "0",
      description =
          "Testing aid: with probability P, hold a datagram back until the next one to or from the"
              + " same address has gone, or --simulate-max-delay at most (default:"
              + " ${DEFAULT-VALUE})."
              + EVERY_DATAGRAM)
  double reorder;

  @Option(
      names = "--simulate-delay",
      paramLabel = "P",
      defaultValue = "0",
      description =
          "Testing aid: with probability P, deliver a datagram after a random delay of up to"
              + " --simulate-max-delay (default: ${DEFAULT-VALUE})."
              + EVERY_DATAGRAM)
  double delay;

  @Option(
      names = "--simulate-max-delay",
      paramLabel = "DURATION",
      defaultValue = "50ms",
      converter = Durations.class,
      description =
          "Testing aid: the longest delay, and the longest a reordered datagram is held back"
              + " (default: ${DEFAULT-VALUE}, at most 1h)."
              + EVERY_DATAGRAM)
  Duration maxDelay;

  @Option(
      names = "--simulate-seed",
      paramLabel = "N",
      description =
          "Testing aid: the seed of the simulated faults; the same seed and the same traffic give"
              + " the same faults (default: random, and logged so that a run can be repeated)."
              + EVERY_DATAGRAM)
  Long seed;

  /** The faults the options ask for; throws a {@link ParameterException} naming a wrong option. */
  public Faults faults() {
    checkProbability("--simulate-loss", loss);
    checkProbability("--simulate-duplicate", duplicate);
    checkProbability("--simulate-reorder", reorder);
    checkProbability("--simulate-delay", delay);
    if (maxDelay.compareTo(Faults.MAX_DELAY_LIMIT) > 0) {
      throw new ParameterException(
          mixee.commandLine(),
          "--simulate-max-delay must be at most "
              + Durations.format(Faults.MAX_DELAY_LIMIT)
              + ", not "
              + Durations.format(maxDelay));
    }
    if (seed == null) {
      seed = ThreadLocalRandom.current().nextLong(); // chosen once, so every call agrees
    }
    return new Faults(loss, duplicate, reorder, delay, maxDelay, seed);
  }

  private void checkProbability(String option, double p) {
    if (!(p >= 0 && p <= 1)) { // written so that NaN fails too
      throw new ParameterException(
          mixee.commandLine(), option + " must be a probability from 0 to 1, not " + p);
    }
  }
}
