package udpchat.server;

import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Events the journal could not make durable (a full disk, a failing device): each one refused, not
 * applied and not sent. A full disk fails every append until it is freed, so the log says the first
 * failure with its cause, then how many followed at most every {@link #REPORT_EVERY_MS}.
 *
 * <p>Not thread-safe: the {@link Room} guards it.
 */
final class JournalFailures {

  private static final Logger log = LoggerFactory.getLogger(JournalFailures.class);

  static final long REPORT_EVERY_MS = 10_000;

  private long total;
  private long unreported;
  private long reportedAtMs = Long.MIN_VALUE;

  /**
   * Counts {@code failure}, logs it when it is time, and returns what the member whose event it was
   * is told.
   */
  String failed(UncheckedIOException failure, long nowMs) {
    total++;
    unreported++;
    if (reportedAtMs == Long.MIN_VALUE) {
      log.error(
          "{}: the event is refused, not sent (more such failures are counted every {} s)",
          failure.getMessage(),
          REPORT_EVERY_MS / 1000,
          failure.getCause());
      unreported = 0;
      reportedAtMs = nowMs;
    } else if (nowMs - reportedAtMs >= REPORT_EVERY_MS) {
      log.error(
          "{} more event(s) refused in {} s: the journal still cannot be written ({})",
          unreported,
          (nowMs - reportedAtMs) / 1000,
          failure.getCause() == null ? failure.getMessage() : failure.getCause().toString());
      unreported = 0;
      reportedAtMs = nowMs;
    }
    return "the server could not store the message (" + reason(failure) + "): nothing was sent";
  }

  /** How many events were refused so far. */
  long total() {
    return total;
  }

  private static String reason(UncheckedIOException failure) {
    String cause = failure.getCause() == null ? null : failure.getCause().getMessage();
    return cause == null ? "its journal cannot be written" : "its journal: " + cause;
  }
}
