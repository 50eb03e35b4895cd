package udpchat.server.door;

import java.net.InetSocketAddress;

/**
 * How many replies one source address (IP and port) that is not a member may still be sent: a burst
 * of {@link #BURST}, then one every {@link #REFILL_MS}. A join forged with a member's own address
 * is answered to that member, so without this a flood of forged joins became a flood of retries and
 * refusals on the member's screen; now it costs the member at most a few a minute.
 *
 * <p>A fixed table of {@link #SLOTS} buckets indexed by a hash of the address, so forged sources
 * without end cost no memory and nothing is allocated per datagram; two sources that share a slot
 * share its budget, which only errs on the side of fewer replies. Time is an argument; the room's
 * thread owns it.
 */
final class SourceBudget {

  static final int BURST = 10;

  /** Ten a minute after the burst: a client that retries its join every second or two is served. */
  static final long REFILL_MS = 6_000;

  static final int SLOTS = 4096; // a power of two

  private final double[] tokens = new double[SLOTS];
  private final long[] lastMs = new long[SLOTS];
  private final boolean[] used = new boolean[SLOTS];

  /** Takes one reply for {@code to} at {@code nowMs}; whether there was one. */
  boolean take(InetSocketAddress to, long nowMs) {
    int slot = slot(to);
    if (!used[slot]) {
      used[slot] = true;
      tokens[slot] = BURST;
      lastMs[slot] = nowMs;
    } else if (nowMs > lastMs[slot]) { // a clock that went back adds nothing
      tokens[slot] = Math.min(BURST, tokens[slot] + (nowMs - lastMs[slot]) / (double) REFILL_MS);
      lastMs[slot] = nowMs;
    }
    if (tokens[slot] < 1) {
      return false;
    }
    tokens[slot] -= 1;
    return true;
  }

  private static int slot(InetSocketAddress address) {
    int h = address.getAddress().hashCode() * 31 + address.getPort();
    h ^= h >>> 16; // the last step of MurmurHash3's finaliser: the high bits reach the index
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    return h & (SLOTS - 1);
  }
}
