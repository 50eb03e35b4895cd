package udpchat.cli;

import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import udpchat.time.Durations;

/**
 * The documented range of a numeric option, checked before anything starts: a value outside is a
 * usage error that names the option, the value and the range ("--history 2000000000 is out of
 * range: between 1 and 100000"), so the user reads what to change in one line.
 */
public final class Ranges {

  private Ranges() {}

  /** {@code value} when {@code min <= value <= max}; else the usage error. */
  public static long check(CommandSpec spec, String option, long value, long min, long max) {
    if (value < min || value > max) {
      throw outOfRange(spec, option, String.valueOf(value), min + " and " + max);
    }
    return value;
  }

  /** {@code value} when it is a number from {@code min} (excluded) to {@code max}. */
  public static double checkAbove(
      CommandSpec spec, String option, double value, double min, double max) {
    if (!(value > min && value <= max)) { // written so that NaN fails too
      throw new ParameterException(
          spec.commandLine(),
          option
              + " "
              + plain(value)
              + " is out of range: above "
              + plain(min)
              + " and at most "
              + plain(max));
    }
    return value;
  }

  /** {@code value} when {@code min <= value <= max}; else the usage error. */
  public static Duration check(
      CommandSpec spec, String option, Duration value, Duration min, Duration max) {
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw outOfRange(
          spec,
          option,
          Durations.format(value),
          Durations.format(min) + " and " + Durations.format(max));
    }
    return value;
  }

  /** 5 rather than 5.0, and 0.5 as it is. */
  private static String plain(double value) {
    return value == Math.rint(value) && !Double.isInfinite(value)
        ? String.valueOf((long) value)
        : String.valueOf(value);
  }

  private static ParameterException outOfRange(
      CommandSpec spec, String option, String value, String range) {
    return new ParameterException(
        spec.commandLine(), option + " " + value + " is out of range: between " + range);
  }
}
