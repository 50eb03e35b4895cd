package udpchat.secure.transport;

import java.util.Arrays;

/**
 * The counters a session's peer has sent that this end has accepted, as WireGuard and RFC 6479 keep
 * them: the highest, and a bitmap of the {@link #SIZE} counters up to it.
 *
 * <p>{@link #check} only looks, {@link #accept} remembers: the owner calls {@code accept} only once
 * the datagram's tag has opened, so a forged datagram with a high counter cannot move the window
 * and make genuine ones look too old. Counters run from 0 up to 2<sup>63</sup>-1 and never wrap (a
 * session is rekeyed long before). Not thread-safe: the receiving thread owns it.
 */
final class ReplayWindow {

  /** Counters remembered up to the highest: how far a datagram may be overtaken and still count. */
  static final int SIZE = 2048;

  /** What {@link #check} says of a counter. */
  enum Verdict {
    FRESH,
    REPLAYED,
    TOO_OLD
  }

  private final long[] bits = new long[SIZE / Long.SIZE];
  // -1: nothing accepted yet. Volatile so that the sending thread may read it (SealedChannel's
  // message count); only the receiving thread writes it.
  private volatile long highest = -1;

  /** Whether a datagram with {@code counter} may be accepted; changes nothing. */
  Verdict check(long counter) {
    if (counter < 0) {
      return Verdict.TOO_OLD; // beyond 2^63-1: never sent, so never accepted
    }
    if (counter > highest) {
      return Verdict.FRESH;
    }
    if (highest - counter >= SIZE) {
      return Verdict.TOO_OLD; // fell out of the bitmap: it may have been seen, so refuse
    }
    return isMarked(counter) ? Verdict.REPLAYED : Verdict.FRESH;
  }

  /** Remembers {@code counter}, which {@link #check} found fresh and whose datagram opened. */
  void accept(long counter) {
    if (check(counter) != Verdict.FRESH) {
      throw new IllegalStateException("counter " + counter + " is not fresh");
    }
    if (counter > highest) {
      long ahead = counter - highest;
      if (ahead >= SIZE) {
        Arrays.fill(bits, 0);
      } else {
        // The slots between the old highest and the new one held counters a window ago: free them.
        for (long c = highest + 1; c < counter; c++) {
          clear(c);
        }
      }
      highest = counter;
    }
    mark(counter);
  }

  /** The highest counter accepted, or -1 before the first. */
  long highest() {
    return highest;
  }

  private void mark(long counter) {
    int bit = (int) (counter & (SIZE - 1));
    bits[bit >>> 6] |= 1L << bit;
  }

  private void clear(long counter) {
    int bit = (int) (counter & (SIZE - 1));
    bits[bit >>> 6] &= ~(1L << bit);
  }

  private boolean isMarked(long counter) {
    int bit = (int) (counter & (SIZE - 1));
    return (bits[bit >>> 6] & (1L << bit)) != 0;
  }
}
