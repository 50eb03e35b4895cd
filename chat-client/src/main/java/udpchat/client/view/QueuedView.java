package udpchat.client.view;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.log.RepeatedFault;

/**
 * A {@link View} and {@link StatusSink} whose drawing happens on a thread of its own ({@code
 * udpchat-view}): the session's thread only queues, so a slow terminal (a slow ssh link, a paused
 * tmux pane, a terminal scrolled back) never holds up heartbeats, acks or retransmissions. Lines
 * are drawn in the order they were shown; of the status line only the latest is drawn.
 *
 * <p>The queue is bounded: when the terminal falls that far behind, a line is dropped, counted, and
 * the count said as soon as there is room ("N lines not shown"), rather than memory growing without
 * end. {@link #readLine} is the input loop's and goes straight to the view underneath.
 */
public final class QueuedView implements View, StatusSink {

  private static final Logger log = LoggerFactory.getLogger(QueuedView.class);

  /** Lines waiting to be drawn: minutes of a busy room. */
  public static final int CAPACITY = 10_000;

  private final View view;
  private final StatusSink status;
  private final BlockingQueue<Runnable> queue;
  private final AtomicReference<StatusSink.Report> latestStatus = new AtomicReference<>();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong drawn = new AtomicLong();
  private final AtomicLong queued = new AtomicLong();
  private final RepeatedFault failures =
      new RepeatedFault(log, "the view thread", System::nanoTime);
  private final Thread thread;
  private volatile boolean running = true;

  public QueuedView(View view, StatusSink status) {
    this(view, status, CAPACITY);
  }

  /** With a queue of {@code capacity} lines (tests of a full queue). */
  public QueuedView(View view, StatusSink status, int capacity) {
    this.view = view;
    this.status = status;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = new Thread(this::run, "udpchat-view");
    thread.setDaemon(true); // stopped by close(); never what keeps a leaving client alive
    thread.start();
  }

  @Override
  public String readLine(String prompt) {
    return view.readLine(prompt);
  }

  @Override
  public void show(Event event) {
    enqueue(() -> view.show(event));
  }

  @Override
  public void prompt(String prompt) {
    enqueue(() -> view.prompt(prompt));
  }

  @Override
  public void timeFormat(String pattern) {
    enqueue(() -> view.timeFormat(pattern)); // in order: the lines before keep the old format
  }

  @Override
  public void showStatus(StatusSink.Report report) {
    if (latestStatus.getAndSet(report) == null) {
      enqueue(() -> status.showStatus(latestStatus.getAndSet(null)));
    } // else: a draw is queued already, and will draw this one
  }

  private void enqueue(Runnable draw) {
    if (queue.offer(draw)) {
      queued.incrementAndGet();
    } else {
      dropped.incrementAndGet();
    }
  }

  /** Lines dropped because the terminal was that far behind. */
  public long dropped() {
    return dropped.get();
  }

  /**
   * Waits up to {@code patience} for everything queued so far to be drawn (the last lines before
   * the client ends); whether it was.
   */
  public boolean flush(Duration patience) throws InterruptedException {
    long target = queued.get();
    long deadline = System.nanoTime() + patience.toNanos();
    while (drawn.get() < target && thread.isAlive()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      Thread.sleep(1);
    }
    return drawn.get() >= target;
  }

  private void run() {
    long said = 0;
    while (running || !queue.isEmpty()) {
      try {
        Runnable draw = queue.poll(50, TimeUnit.MILLISECONDS);
        if (draw == null) {
          continue;
        }
        draw.run();
        drawn.incrementAndGet();
        long lost = dropped.get();
        if (lost > said && queue.remainingCapacity() > 0) {
          said = lost;
          view.show(
              Event.error(
                  Instant.now(), lost + " line(s) not shown: the terminal fell too far behind"));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        failures.occurred(e); // that line is lost; the next may draw
        drawn.incrementAndGet();
      }
    }
  }

  /**
   * Draws what is queued (up to two seconds), then stops the thread. The view underneath is its
   * creator's to close, after this.
   */
  @Override
  public void close() {
    running = false;
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
