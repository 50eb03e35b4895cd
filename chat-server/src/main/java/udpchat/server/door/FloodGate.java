package udpchat.server.door;

import java.net.InetAddress;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import udpchat.server.net.RateCheck;

/**
 * The receive loop's first check, before any parsing: a {@link TokenBucket} per source IP address
 * ({@code --rate-limit} datagrams a second, bursts of {@code --burst}), so one source that floods
 * costs the server a few microseconds a datagram and the room nothing.
 *
 * <p>Keyed by IP, not IP and port: ports cost an attacker nothing. Clients behind one address (a
 * NAT, tests on 127.0.0.1) share one bucket, which is why the default rate is many times what a
 * client sends.
 *
 * <p>At most {@link #SOURCES} buckets are kept, so a flood from many addresses cannot grow memory.
 * A bucket is forgotten only when it is full again (its source has been quiet long enough that a
 * new bucket would be the same); a source that finds every place taken by a bucket still in use
 * shares one overflow bucket with all such sources. So the gate never fails open: an attacker with
 * more addresses than the gate holds gets the rate of one address for all the rest.
 *
 * <p>Thread-safe: the receive thread calls it, and the fault injector's for a delayed datagram.
 */
public final class FloodGate implements RateCheck {

  /** Sources remembered: about 100 bytes each, so at most half a megabyte. */
  public static final int SOURCES = 4096;

  private final int perSecond;
  private final int burst;
  private final Map<InetAddress, TokenBucket> buckets = new LinkedHashMap<>(256, 0.75f, true);
  private TokenBucket overflow;
  private long overflowed;

  /**
   * @param perSecond datagrams a second each source may send, 0 for no limit
   * @param burst datagrams a source may send at once
   */
  public FloodGate(int perSecond, int burst) {
    if (perSecond < 0 || (perSecond > 0 && burst < 1)) {
      throw new IllegalArgumentException("the rate must not be negative, the burst at least 1");
    }
    this.perSecond = perSecond;
    this.burst = burst;
  }

  /** Whether a datagram from {@code source} at {@code nowMs} is within its rate. */
  @Override
  public synchronized boolean allow(InetAddress source, long nowMs) {
    if (perSecond == 0) {
      return true;
    }
    TokenBucket bucket = buckets.get(source);
    if (bucket == null) {
      bucket = placeFor(source, nowMs);
    }
    return bucket.take(nowMs);
  }

  /** A new bucket for {@code source} if there is a place, or else the shared overflow bucket. */
  private TokenBucket placeFor(InetAddress source, long nowMs) {
    if (buckets.size() >= SOURCES) {
      // Access order: the first is the source heard from longest ago, the likeliest to be full.
      Iterator<TokenBucket> eldest = buckets.values().iterator();
      if (!eldest.next().full(nowMs)) {
        overflowed++;
        if (overflow == null) {
          overflow = new TokenBucket(perSecond, burst, nowMs);
        }
        return overflow;
      }
      eldest.remove();
    }
    TokenBucket bucket = new TokenBucket(perSecond, burst, nowMs);
    buckets.put(source, bucket);
    return bucket;
  }

  /** How many sources have a bucket now (at most {@link #SOURCES}). */
  public synchronized int sources() {
    return buckets.size();
  }

  /** Datagrams that found no place and were held to the shared overflow bucket. */
  public synchronized long overflowed() {
    return overflowed;
  }
}
