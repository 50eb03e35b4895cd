package udpchat.bench.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@code ack} datagrams by hand into one reused buffer: the bench sends one per member every
 * 50 ms while events flow, and a Jackson encode each time would be CPU taken from the server. The
 * bytes are exactly what the {@link udpchat.protocol.json.Codec} writes (a test decodes them).
 */
public final class AckWriter {

  private static final byte[] HEAD = ascii("{\"v\":2,\"type\":\"ack\",\"session\":\"");
  private static final byte[] SEQ = ascii("\",\"seq\":");
  private static final byte[] MISSING = ascii(",\"missingTo\":");

  private final ByteBuffer buffer = ByteBuffer.allocate(128);

  /** The ack of {@code seq} (and of a gap up to {@code missingTo}, when above 0). */
  public ByteBuffer ack(byte[] session, long seq, long missingTo) {
    buffer.clear();
    buffer.put(HEAD).put(session).put(SEQ);
    putNumber(seq);
    if (missingTo > 0) {
      buffer.put(MISSING);
      putNumber(missingTo);
    }
    buffer.put((byte) '}');
    return buffer.flip();
  }

  private void putNumber(long value) {
    buffer.put(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
