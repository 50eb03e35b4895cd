package udpchat.server.delivery;

import java.util.concurrent.atomic.LongAdder;

/**
 * What delivery did, counted on the room's thread and read from any (the operator's metrics):
 * events sent again, and the round trips measured from an event's first send to the ack that covers
 * it, in buckets, so a histogram can be drawn of them without keeping each one.
 */
public final class DeliveryCounts {

  /**
   * The buckets' upper bounds in milliseconds. A round trip holds the client's ack delay (up to
   * {@link Delivery#ACK_WAIT_MS}), so on a LAN most fall between 1 and 75 ms; the tail shows a
   * member on a slow link or a stalled client.
   */
  public static final long[] ROUND_TRIP_BOUNDS_MS = {
    1, 2, 5, 10, 25, 50, 75, 100, 150, 250, 500, 1000, 2500, 5000
  };

  private final LongAdder resent = new LongAdder();
  private final LongAdder[] roundTrips = new LongAdder[ROUND_TRIP_BOUNDS_MS.length + 1];
  private final LongAdder roundTripSumMs = new LongAdder();

  public DeliveryCounts() {
    for (int i = 0; i < roundTrips.length; i++) {
      roundTrips[i] = new LongAdder();
    }
  }

  void resent(int events) {
    resent.add(events);
  }

  void roundTrip(long ms) {
    int bucket = 0;
    while (bucket < ROUND_TRIP_BOUNDS_MS.length && ms > ROUND_TRIP_BOUNDS_MS[bucket]) {
      bucket++;
    }
    roundTrips[bucket].increment();
    roundTripSumMs.add(ms);
  }

  /** Events (and {@code lost} notices in their place) sent again, after a timeout or a gap. */
  public long resent() {
    return resent.sum();
  }

  /**
   * The round trips measured, by bucket (not cumulative): {@code [i]} those up to {@link
   * #ROUND_TRIP_BOUNDS_MS}{@code [i]} and above the bound before, the last those above every bound.
   */
  public long[] roundTrips() {
    long[] counts = new long[roundTrips.length];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = roundTrips[i].sum();
    }
    return counts;
  }

  /** The sum of the round trips measured, in milliseconds. */
  public long roundTripSumMs() {
    return roundTripSumMs.sum();
  }
}
