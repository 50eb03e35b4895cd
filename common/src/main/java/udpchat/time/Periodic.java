package udpchat.time;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.log.RepeatedFault;

/**
 * A task run every interval on a thread of its own, named for its role: it reads the clock and
 * hands the time to the task, which decides what is due, so the deciding is tested without this
 * class. The scheduled work keeps its future and is cancelled on close. A task that throws a
 * RuntimeException is logged and runs again at the next tick (a scheduled task that throws is
 * otherwise never run again); an Error goes to the thread's uncaught-exception handler.
 */
public final class Periodic implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Periodic.class);

  private final String name;
  private final long intervalMs;
  private final Clock clock;
  private final RepeatedFault failures;
  private final LongConsumer task;
  private final ScheduledExecutorService executor;
  private ScheduledFuture<?> future;

  /**
   * @param threadName the thread's name, for thread dumps and logs
   * @param task called with the clock's {@code millis()} every {@code interval}
   */
  public Periodic(String threadName, Duration interval, Clock clock, LongConsumer task) {
    if (interval.toMillis() < 1) {
      throw new IllegalArgumentException("the interval must be at least 1 ms");
    }
    this.name = threadName;
    this.failures = new RepeatedFault(log, threadName + "'s task", System::nanoTime);
    this.intervalMs = interval.toMillis();
    this.clock = clock;
    this.task = task;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, threadName);
              thread.setDaemon(true); // closed by its owner; never what keeps a JVM alive
              return thread;
            });
  }

  /** Starts ticking, one interval from now; a second call does nothing. */
  public synchronized Periodic start() {
    if (future == null) {
      future =
          executor.scheduleWithFixedDelay(
              this::tick, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    }
    return this;
  }

  private void tick() {
    try {
      task.accept(clock.millis());
    } catch (RuntimeException e) {
      failures.occurred(e); // it runs again at the next tick
    } catch (Error e) {
      // The executor would keep it in the future, unseen, and never run the task again: a thread
      // alive but doing nothing. The thread's handler hears of it instead (the server's stops it).
      Thread thread = Thread.currentThread();
      thread.getUncaughtExceptionHandler().uncaughtException(thread, e);
      throw e;
    }
  }

  /** How many ticks failed with an unexpected exception. */
  public long failures() {
    return failures.total();
  }

  /** Stops ticking and waits (up to 5 seconds) for a tick under way to end. */
  @Override
  public synchronized void close() throws InterruptedException {
    if (future != null) {
      future.cancel(false);
    }
    executor.shutdown();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }
}
