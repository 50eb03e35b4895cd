package udpchat.protocol.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import udpchat.protocol.Message;
import udpchat.protocol.ProtocolException;

/**
 * Turns messages into datagrams and back, refusing anything that is not exactly our protocol.
 *
 * <p>Jackson's defaults are made for trusted input: it takes the last of duplicate keys (so {@code
 * {"type":"say","type":"leave"}} would read as a leave), ignores junk after the document, nests
 * 1000 deep and reads strings of 20 million characters. Here duplicates and trailing tokens fail,
 * the stream limits are those of one small datagram, scalars are never coerced ({@code "id":"7"}
 * and {@code "text":5} are wrong types), and no polymorphic typing is enabled: the {@code type}
 * field is looked up in a fixed table. Unknown fields are ignored, so a later minor version can add
 * fields without breaking older peers.
 *
 * <p>Thread-safe: one instance can serve every thread.
 */
public final class Codec {

  private final DatagramEncoder encoder;
  private final DatagramDecoder decoder;

  public Codec() {
    // One mapper for both directions: it is thread-safe once configured.
    ObjectMapper mapper = StrictJson.mapper();
    this.encoder = new DatagramEncoder(mapper);
    this.decoder = new DatagramDecoder(mapper);
  }

  /** The datagram for {@code message}: one JSON object, UTF-8, at most the datagram limit. */
  public byte[] encode(Message message) {
    return encoder.encode(message);
  }

  /**
   * The batch datagram that holds the encoded room events {@code items} (each as {@link #encode}
   * made it), in their order: see {@link Batch} for the layout. The caller keeps it within the
   * limit ({@link Batch#size}).
   */
  public static byte[] wrapBatch(List<byte[]> items) {
    return DatagramEncoder.wrapBatch(items);
  }

  /**
   * Reads one datagram of {@code length} bytes as a message of the {@code expected} direction
   * ({@link ClientMessage} on the server, {@link ServerMessage} on the client).
   *
   * @throws ProtocolException naming the reason when the bytes are not such a message
   */
  public <T extends Message> T decode(byte[] buffer, int length, Class<T> expected)
      throws ProtocolException {
    return decoder.decode(buffer, length, expected);
  }

  /**
   * The bytes {@code text} takes inside a datagram: its JSON string body in UTF-8, escapes
   * included. Compare with {@link Limits#MAX_TEXT_BYTES}.
   */
  public int textBytes(String text) {
    return encoder.textBytes(text);
  }

  /** The wire name of a message type, as in {@code "type"}. */
  public static String typeName(Class<? extends Message> type) {
    return MessageTypes.nameOf(type);
  }
}
