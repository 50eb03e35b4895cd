package udpchat.server.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The last ten minutes of the server's counters, as rates per second, for the status page's charts:
 * its thread ({@code udpchat-http-history}) reads the cumulative counters once a second (they are
 * thread-safe; the room is not asked), keeps the differences, and publishes them as one immutable
 * JSON text that any HTTP thread may serve.
 *
 * <p>Sampling here, not in the page, is what lets a page opened now show the ten minutes before.
 */
public final class History implements AutoCloseable {

  /** Samples kept: ten minutes at one a second. */
  public static final int SAMPLES = 600;

  private final Supplier<Map<String, Long>> counters;
  private final long intervalMs;
  private final ScheduledExecutorService thread;
  private ScheduledFuture<?> sampling;

  // Touched only by the sampling thread.
  private final Deque<Map<String, Long>> rates = new ArrayDeque<>();
  private Map<String, Long> last;

  private volatile String json = "{\"intervalMs\":1000,\"series\":{}}";

  /**
   * @param counters the cumulative counters by series name, each only ever growing
   */
  public History(Supplier<Map<String, Long>> counters, long intervalMs) {
    this.counters = counters;
    this.intervalMs = intervalMs;
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "udpchat-http-history");
              t.setDaemon(true);
              return t;
            });
  }

  public History start() {
    sample(); // the baseline: the first rate follows a second later
    sampling =
        thread.scheduleAtFixedRate(this::sample, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
    return this;
  }

  /** The rates so far, oldest first: {@code {"intervalMs":..,"series":{"name":[..],..}}}. */
  public String json() {
    return json;
  }

  private void sample() {
    try {
      Map<String, Long> now = counters.get();
      if (last != null) {
        Map<String, Long> rate = new TreeMap<>();
        now.forEach(
            (name, count) -> rate.put(name, Math.max(0, count - last.getOrDefault(name, 0L))));
        rates.addLast(rate);
        while (rates.size() > SAMPLES) {
          rates.removeFirst();
        }
        json = render();
      }
      last = now;
    } catch (RuntimeException e) {
      // A counter that failed to read: this second is skipped, the next one is tried.
    }
  }

  /** Every series over every sample kept; a series seen only lately is 0 before it appeared. */
  private String render() {
    TreeSet<String> names = new TreeSet<>();
    rates.forEach(rate -> names.addAll(rate.keySet()));
    StringBuilder out = new StringBuilder("{\"intervalMs\":").append(intervalMs);
    out.append(",\"series\":{");
    boolean firstSeries = true;
    for (String name : names) {
      out.append(firstSeries ? "" : ",").append(Json.quote(name)).append(":[");
      firstSeries = false;
      boolean first = true;
      for (Map<String, Long> rate : rates) {
        out.append(first ? "" : ",").append(rate.getOrDefault(name, 0L));
        first = false;
      }
      out.append(']');
    }
    return out.append("}}").toString();
  }

  @Override
  public void close() throws InterruptedException {
    if (sampling != null) {
      sampling.cancel(false);
    }
    thread.shutdownNow();
    thread.awaitTermination(5, TimeUnit.SECONDS);
  }
}
