package udpchat.log;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * A fault that may repeat at every tick or datagram (a full disk, a closed socket, a bug hit by
 * every request): the first occurrence is logged with its cause and stack trace, then only how many
 * followed, at most once every {@link #REPORT_EVERY_NANOS}, so a persistent fault is a few log
 * lines a minute, not thousands. Every occurrence is counted.
 *
 * <p>Time comes from a monotonic clock ({@code System::nanoTime} in production), so a test can tell
 * it what time it is. Thread-safe.
 */
public final class RepeatedFault {

  public static final long REPORT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final Logger log;
  private final String what;
  private final LongSupplier nanoTime;
  private long total;
  private long unreported;
  private long reportedAtNanos;
  private boolean reportedOnce;

  /**
   * @param what what failed, as the log line begins ("the sender thread")
   */
  public RepeatedFault(Logger log, String what, LongSupplier nanoTime) {
    this.log = log;
    this.what = what;
    this.nanoTime = nanoTime;
  }

  /** Counts {@code fault}, and logs it when it is the first or the report is due. */
  public synchronized void occurred(Throwable fault) {
    total++;
    unreported++;
    long now = nanoTime.getAsLong();
    if (!reportedOnce) {
      log.error("{} failed, and goes on (later failures are counted): {}", what, fault, fault);
      reportedOnce = true;
      unreported = 0;
      reportedAtNanos = now;
    } else if (now - reportedAtNanos >= REPORT_EVERY_NANOS) {
      log.error(
          "{} failed {} more time(s) in the last {} s, latest: {}",
          what,
          unreported,
          TimeUnit.NANOSECONDS.toSeconds(now - reportedAtNanos),
          fault.toString());
      unreported = 0;
      reportedAtNanos = now;
    }
  }

  /** How many times it occurred. */
  public synchronized long total() {
    return total;
  }
}
