package udpchat.server.room.members;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the sweep from blaming the members for the server's own silence. When the server was not
 * running for a while (a long garbage collection, the process stopped with Ctrl-Z or SIGSTOP, a
 * starved virtual machine), the members' heartbeats are waiting unread in the socket's buffer: a
 * sweep right after would expire members that kept sending. So after a stall the sweep waits one
 * more interval, which the receive thread needs to catch up. Cassandra's failure detector ignores
 * its own pauses in the same way.
 *
 * <p>Stalls are measured on the monotonic {@code System.nanoTime()}, never on the room's clock: a
 * test that moves its clock forward is not a stall.
 */
public final class StallGuard {

  private static final Logger log = LoggerFactory.getLogger(StallGuard.class);

  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private boolean ticked;
  private long lastTickNanos;
  private long holdUntilNanos;

  /**
   * @param interval how often {@link #mayExpire} is called (the sweep); a gap of more than one and
   *     a half intervals between two calls is a stall
   * @param nanoTime the monotonic time, {@code System::nanoTime} outside tests
   */
  public StallGuard(Duration interval, LongSupplier nanoTime) {
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
  }

  /** Called at each sweep: whether it may expire members now. */
  public boolean mayExpire() {
    long now = nanoTime.getAsLong();
    long gap = now - lastTickNanos;
    if (ticked && gap > intervalNanos + intervalNanos / 2) {
      holdUntilNanos = now + intervalNanos;
      log.warn(
          "the server stalled for {} ms: nobody is expired for one sweep, while it reads what"
              + " arrived meanwhile",
          (gap - intervalNanos) / 1_000_000);
    }
    ticked = true;
    lastTickNanos = now;
    return now - holdUntilNanos >= 0;
  }
}
