package udpchat.client;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that drives the session's timers: every {@link #TICK_MS} it reads the clock and lets
 * the session send what is due (a heartbeat every interval, a join retry, the silence notice). The
 * session decides; this class only keeps time, so the decisions are testable without it.
 */
final class Heartbeater implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Heartbeater.class);

  /** Fine enough for any heartbeat interval a user would choose, and costs nothing. */
  static final long TICK_MS = 50;

  private final Session session;
  private final Clock clock;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "udpchat-heartbeat");
            thread.setDaemon(true);
            return thread;
          });
  private ScheduledFuture<?> future;

  Heartbeater(Session session, Clock clock) {
    this.session = session;
    this.clock = clock;
  }

  synchronized void start() {
    if (future == null) {
      future = executor.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }
  }

  private void tick() {
    try {
      session.onTick(clock.millis());
    } catch (RuntimeException e) {
      log.error("heartbeat tick failed", e); // a periodic task that throws is never run again
    }
  }

  @Override
  public synchronized void close() throws InterruptedException {
    if (future != null) {
      future.cancel(false);
    }
    executor.shutdown();
    executor.awaitTermination(2, TimeUnit.SECONDS);
  }
}
