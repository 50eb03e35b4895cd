package udpchat.server;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scheduled check that expires silent members: every {@code sweep} it reads the clock and asks
 * the room to expire whoever has been silent for longer than the timeout. A member is therefore
 * expired between {@code timeout} and {@code timeout + sweep} after its last datagram.
 */
final class Sweeper implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Sweeper.class);

  private final Room room;
  private final Clock clock;
  private final Duration interval;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(task -> new Thread(task, "udpchat-sweeper"));
  private ScheduledFuture<?> future;

  Sweeper(Room room, Clock clock, Duration interval) {
    this.room = room;
    this.clock = clock;
    this.interval = interval;
  }

  synchronized void start() {
    if (future == null) {
      long ms = interval.toMillis();
      future = executor.scheduleAtFixedRate(this::sweep, ms, ms, TimeUnit.MILLISECONDS);
    }
  }

  private void sweep() {
    try {
      room.expire(clock.millis());
    } catch (RuntimeException e) {
      // A periodic task that throws is never run again; log and keep sweeping.
      log.error("sweep failed", e);
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
