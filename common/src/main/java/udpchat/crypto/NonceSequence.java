package udpchat.crypto;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The 96-bit AES-GCM nonces one process seals with: a random starting point, then a counter, so a
 * nonce never repeats within the process and is most unlikely to meet another process's.
 *
 * <p>Why not a counter alone: the server and every client hold the same key, so the nonces must
 * differ across processes too, with no way to agree on them. Why not 96 fresh random bits each
 * time: a random start then a counter is as safe across processes and never repeats within one. Two
 * processes collide only if their random 32-bit prefixes are equal and their 64-bit counter ranges
 * (started at random) overlap: for n processes that each seal m datagrams, a chance of about n² · m
 * / 2^96 (a thousand restarts of a room sealing a billion datagrams each: 10^-14).
 */
final class NonceSequence {

  static final int NONCE_BYTES = 12;

  private final int prefix;
  private final AtomicLong counter;

  NonceSequence() {
    this(new SecureRandom());
  }

  private NonceSequence(SecureRandom random) {
    this(random.nextInt(), random.nextLong());
  }

  /** A sequence from a given start: tests only, to reach the counter's wrap-around. */
  NonceSequence(int prefix, long start) {
    this.prefix = prefix;
    this.counter = new AtomicLong(start);
  }

  /** Writes the next nonce into {@code into} at its position, and moves the position past it. */
  void next(ByteBuffer into) {
    // The low 64 bits wrap from -1 to 0: still 2^64 distinct values before one could repeat.
    into.putInt(prefix).putLong(counter.getAndIncrement());
  }
}
