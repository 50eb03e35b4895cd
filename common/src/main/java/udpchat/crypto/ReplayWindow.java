package udpchat.crypto;

/**
 * The counters one sender's datagrams have carried, as IPsec and DTLS keep them (RFC 4303 §3.4.3,
 * RFC 6347 §4.1.2.6): the highest seen, and a bitmap of the {@link #SIZE} below it. A counter seen
 * before, or too far below the highest to tell, is a replay. So a recorded datagram is refused
 * however often it is sent again, while datagrams that come late (reordered by up to {@link #SIZE}
 * of the sender's datagrams) are still taken.
 *
 * <p>Counters are compared by their difference, so the wrap from -1 to 0 is a step forward like any
 * other. Not thread-safe: its owner guards it.
 */
final class ReplayWindow {

  /**
   * Counters remembered below the highest. The server seals every member's datagrams with one
   * counter, so what one client receives is a sparse subset of it: the window must span what the
   * server sends to everyone while one datagram may be overtaken (a thousand members' share of a
   * burst).
   */
  static final int SIZE = 2048;

  private final long[] seen = new long[SIZE / 64];
  private long highest;

  /** A window that has seen {@code first}. */
  ReplayWindow(long first) {
    highest = first;
    mark(first);
  }

  /** Whether {@code counter} is new, and if so remembers it. */
  boolean fresh(long counter) {
    long ahead = counter - highest;
    if (ahead > 0) {
      if (ahead >= SIZE) {
        java.util.Arrays.fill(seen, 0);
      } else {
        for (long c = highest + 1; c != counter; c++) {
          clear(c);
        }
      }
      highest = counter;
      mark(counter);
      return true;
    }
    if (-ahead >= SIZE || isMarked(counter)) {
      return false; // too old to tell, or seen
    }
    mark(counter);
    return true;
  }

  private void mark(long counter) {
    int bit = (int) (counter & (SIZE - 1));
    seen[bit >>> 6] |= 1L << bit;
  }

  private void clear(long counter) {
    int bit = (int) (counter & (SIZE - 1));
    seen[bit >>> 6] &= ~(1L << bit);
  }

  private boolean isMarked(long counter) {
    int bit = (int) (counter & (SIZE - 1));
    return (seen[bit >>> 6] & (1L << bit)) != 0;
  }
}
