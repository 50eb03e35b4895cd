package udpchat.bench.load;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The four kinds of garbage the flood sends, a quarter each in turn: random bytes (1 to 1500),
 * JSON-shaped junk (a join whose name is random bytes), hello-shaped datagrams (the handshake's
 * first two bytes, {@code 0xE1 0x03}, then random, 1200 bytes in all: what a client's hello weighs)
 * and sealed-shaped ones ({@code 0xE4} then 28 to 1228 random bytes: a sealed datagram of no
 * session). Each is fresh random content, so no cache of the server's can answer it twice.
 */
public final class GarbageShapes {

  /** The largest datagram made. */
  public static final int MAX_BYTES = 1500;

  static final byte HELLO = (byte) 0xE1;
  static final byte HELLO_VERSION = 0x03;
  static final byte SEALED = (byte) 0xE4;
  static final int HELLO_BYTES = 1200;

  private static final byte[] JSON_HEAD =
      "{\"type\":\"join\",\"name\":\"x".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] JSON_TAIL = "\"}".getBytes(StandardCharsets.US_ASCII);

  private final SplittableRandom random;
  private final byte[] bytes = new byte[MAX_BYTES];
  private final ByteBuffer buffer = ByteBuffer.wrap(bytes);

  public GarbageShapes(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** The {@code i}th datagram: a view of this object's one buffer, valid until the next call. */
  public ByteBuffer next(long i) {
    int length;
    switch ((int) (i % 4)) {
      case 0 -> length = randomTail(0, 1 + random.nextInt(MAX_BYTES));
      case 1 -> {
        System.arraycopy(JSON_HEAD, 0, bytes, 0, JSON_HEAD.length);
        int end = randomTail(JSON_HEAD.length, JSON_HEAD.length + random.nextInt(201));
        System.arraycopy(JSON_TAIL, 0, bytes, end, JSON_TAIL.length);
        length = end + JSON_TAIL.length;
      }
      case 2 -> {
        bytes[0] = HELLO;
        bytes[1] = HELLO_VERSION;
        length = randomTail(2, HELLO_BYTES);
      }
      default -> {
        bytes[0] = SEALED;
        length = randomTail(1, 1 + 28 + random.nextInt(1201));
      }
    }
    return buffer.limit(length).position(0);
  }

  /** Fills bytes [from, to) with random ones; {@code to}. */
  private int randomTail(int from, int to) {
    for (int i = from; i < to; i += 8) {
      long word = random.nextLong();
      for (int b = i; b < Math.min(to, i + 8); b++) {
        bytes[b] = (byte) word;
        word >>>= 8;
      }
    }
    return to;
  }
}
