package udpchat.server.web;

import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A route's answer made at most once per {@code maxAgeNs} and served to every request meanwhile: a
 * flood of requests then costs the room's thread (asked for a snapshot) and the metrics' collectors
 * one answer per period, whatever the request rate, and the HTTP threads only their sockets.
 */
public final class Cached implements Supplier<Response> {

  private final Supplier<Response> route;
  private final long maxAgeNs;
  private final LongSupplier nanoTime;
  private Response last;
  private long madeAtNs;

  public Cached(Supplier<Response> route, long maxAgeNs, LongSupplier nanoTime) {
    this.route = route;
    this.maxAgeNs = maxAgeNs;
    this.nanoTime = nanoTime;
  }

  /** Held while the answer is made: the others wait for it rather than make their own. */
  @Override
  public synchronized Response get() {
    long nowNs = nanoTime.getAsLong();
    if (last == null || nowNs - madeAtNs >= maxAgeNs) {
      last = route.get(); // a failure is thrown and not kept: the next request tries again
      madeAtNs = nowNs;
    }
    return last;
  }
}
