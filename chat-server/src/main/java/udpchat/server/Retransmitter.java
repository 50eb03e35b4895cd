package udpchat.server;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled task that sends room events again to members that have not acknowledged them in
 * time: every {@link #TICK_MS} it reads the clock and lets the room decide what is due ({@link
 * Delivery} keeps each member's timeout and backoff).
 */
final class Retransmitter implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Retransmitter.class);

  /** Fine beside the smallest retransmission timeout ({@link Delivery#BASE_RTO_MS}). */
  static final long TICK_MS = 50;

  private final Room room;
  private final Clock clock;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "udpchat-retransmit"));
  private ScheduledFuture<?> future;

  Retransmitter(Room room, Clock clock) {
    this.room = room;
    this.clock = clock;
  }

  synchronized void start() {
    if (future == null) {
      future = executor.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }
  }

  private void tick() {
    try {
      room.resendDue(clock.millis());
    } catch (RuntimeException e) {
      log.error("retransmission failed", e); // a periodic task that throws is never run again
    }
  }

  @Override
  public synchronized void close() throws InterruptedException {
    if (future != null) {
      future.cancel(false);
    }
    executor.shutdown();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }
}
