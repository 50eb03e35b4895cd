package udpchat.server.journal;

import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.log.RepeatedFault;

/**
 * Events the journal could not make durable (a full disk, a failing device): each one refused, not
 * applied and not sent. A full disk fails every append until it is freed, so the log says the first
 * failure with its cause, then only how many followed ({@link RepeatedFault}).
 */
public final class JournalFailures {

  private static final Logger log = LoggerFactory.getLogger(JournalFailures.class);

  private final RepeatedFault failures =
      new RepeatedFault(log, "storing an event (refused, not sent)", System::nanoTime);

  /** Counts {@code failure}, logs it when due, and returns what the event's sender is told. */
  public String failed(UncheckedIOException failure) {
    failures.occurred(failure);
    String cause = failure.getCause() == null ? null : failure.getCause().getMessage();
    String reason = cause == null ? "its journal cannot be written" : "its journal: " + cause;
    return "the server could not store the message (" + reason + "): nothing was sent";
  }

  /** How many events were refused so far. */
  long total() {
    return failures.total();
  }
}
