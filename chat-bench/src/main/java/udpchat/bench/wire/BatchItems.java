package udpchat.bench.wire;

import java.nio.charset.StandardCharsets;
import udpchat.protocol.Batch;
import udpchat.protocol.Limits;

/**
 * Finds the room events inside a batch datagram (PROTOCOL.md section 14) without decoding it: the
 * items are complete objects, found by their braces outside strings, and each is handed on as if it
 * had come alone. One instance (and its item buffer) is reused by the loop's thread.
 */
public final class BatchItems {

  /** Takes one item: {@code length} bytes at the start of {@code bytes}. */
  public interface Sink {
    void item(byte[] bytes, int length);
  }

  private static final byte[] PREFIX = Batch.PREFIX.getBytes(StandardCharsets.US_ASCII);

  private final byte[] item = new byte[Limits.MAX_DATAGRAM_BYTES];

  /** Whether the datagram in {@code bytes[0, length)} is a batch. */
  public static boolean isBatch(byte[] bytes, int length) {
    if (length < PREFIX.length) {
      return false;
    }
    for (int i = 0; i < PREFIX.length; i++) {
      if (bytes[i] != PREFIX[i]) {
        return false;
      }
    }
    return true;
  }

  /** Hands each item of the batch in {@code bytes[0, length)} to {@code sink}, in order. */
  public void forEach(byte[] bytes, int length, Sink sink) {
    int depth = 0;
    int start = -1;
    boolean inString = false;
    for (int i = PREFIX.length; i < length; i++) {
      byte b = bytes[i];
      if (inString) {
        if (b == '\\') {
          i++; // the escaped character, a quote perhaps
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' && depth++ == 0) {
        start = i;
      } else if (b == '}' && --depth == 0) {
        int itemLength = i + 1 - start;
        System.arraycopy(bytes, start, item, 0, itemLength);
        sink.item(item, itemLength);
      }
    }
  }
}
