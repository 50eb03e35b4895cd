package udpchat.protocol.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import udpchat.protocol.Batch;
import udpchat.protocol.Join;
import udpchat.protocol.Limits;
import udpchat.protocol.Message;

/**
 * Writes messages as datagrams: each type's envelope ({@code {"v":2,"type":"chat",}) is made once
 * and the record's fields written behind it; a join is padded, a batch wraps its items.
 */
final class DatagramEncoder {

  /** The field that pads a join; receivers ignore it, as they ignore every unknown field. */
  static final String PAD_FIELD = "pad";

  /** What an empty pad field adds: {@code ,"pad":""}. */
  private static final int PAD_FIELD_BYTES = 9;

  private final ObjectMapper mapper;

  DatagramEncoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** The datagram for {@code message}: one JSON object, UTF-8, at most the datagram limit. */
  byte[] encode(Message message) {
    // Two types are written differently, and only here: a batch wraps its items' own encodings, a
    // join is padded. Both are encode-path shortcuts on the message's shape, not a dispatch of what
    // a message means, so they stay instanceof rather than a ClientMessage/ServerMessage handler,
    // which would split this one method over the two directions.
    byte[] bytes = message instanceof Batch batch ? encodeBatch(batch) : encodeOne(message);
    if (message instanceof Join) {
      // Padded, so that no answer to a join is larger than the join (Limits.MIN_JOIN_BYTES).
      bytes = padded(bytes);
    }
    if (bytes.length > Limits.MAX_DATAGRAM_BYTES) {
      // Callers check text sizes first (see textBytes), so this is a bug, not bad input.
      throw new IllegalArgumentException(
          "a "
              + MessageTypes.nameOf(message.getClass())
              + " of "
              + bytes.length
              + " bytes exceeds the limit");
    }
    return bytes;
  }

  /** {@code join} ending in {@code ,"pad":" "}: exactly the smallest join, when it was shorter. */
  private static byte[] padded(byte[] join) {
    int padding = Limits.MIN_JOIN_BYTES - join.length - PAD_FIELD_BYTES;
    if (padding < 0) {
      return join;
    }
    byte[] field = (",\"" + PAD_FIELD + "\":\"").getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[Limits.MIN_JOIN_BYTES];
    int at = join.length - 1; // the closing brace comes last
    System.arraycopy(join, 0, bytes, 0, at);
    System.arraycopy(field, 0, bytes, at, field.length);
    at += field.length;
    Arrays.fill(bytes, at, at + padding, (byte) ' ');
    at += padding;
    bytes[at++] = '"';
    bytes[at] = '}';
    return bytes;
  }

  /**
   * The batch datagram that holds the encoded room events {@code items} (each as {@link #encode}
   * made it), in their order: see {@link Batch} for the layout. The caller keeps it within the
   * limit ({@link Batch#size}).
   */
  static byte[] wrapBatch(List<byte[]> items) {
    int itemBytes = 0;
    for (byte[] item : items) {
      itemBytes += item.length;
    }
    byte[] prefix = Batch.PREFIX.getBytes(StandardCharsets.US_ASCII);
    byte[] batch = new byte[Batch.size(items.size(), itemBytes)];
    System.arraycopy(prefix, 0, batch, 0, prefix.length);
    int at = prefix.length;
    for (byte[] item : items) {
      if (at > prefix.length) {
        batch[at++] = ',';
      }
      System.arraycopy(item, 0, batch, at, item.length);
      at += item.length;
    }
    batch[at++] = ']';
    batch[at] = '}';
    return batch;
  }

  private byte[] encodeBatch(Batch batch) {
    List<byte[]> items = new ArrayList<>();
    batch.items().forEach(item -> items.add(encodeOne(item)));
    return wrapBatch(items);
  }

  /**
   * The record's own fields as Jackson writes them ({@code {"seq":58,...}}), behind the envelope:
   * the same bytes as building a tree with {@code v} and {@code type} first, at a fraction of the
   * cost (this runs once for every datagram the server sends).
   */
  private byte[] encodeOne(Message message) {
    byte[] fields;
    try {
      fields = mapper.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + message, e);
    }
    byte[] envelope = MessageTypes.envelope(message.getClass());
    boolean none = fields.length == 2; // {}: no comma after the type
    byte[] bytes = new byte[envelope.length + fields.length - (none ? 2 : 1)];
    System.arraycopy(envelope, 0, bytes, 0, envelope.length);
    if (none) {
      bytes[envelope.length - 1] = '}'; // the envelope's comma becomes the end
    } else {
      System.arraycopy(fields, 1, bytes, envelope.length, fields.length - 1);
    }
    return bytes;
  }

  /**
   * The bytes {@code text} takes inside a datagram: its JSON string body in UTF-8, escapes
   * included. Compare with {@link Limits#MAX_TEXT_BYTES}.
   */
  int textBytes(String text) {
    try {
      return mapper.writeValueAsBytes(text).length - 2; // minus the quotes
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
