package udpchat.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import udpchat.protocol.ProtocolException.Reason;

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

  private static final Map<String, Class<? extends Message>> TYPES =
      Map.ofEntries(
          Map.entry("join", Join.class),
          Map.entry("ping", Ping.class),
          Map.entry("say", Say.class),
          Map.entry("tell", Tell.class),
          Map.entry("who", Who.class),
          Map.entry("nick", Nick.class),
          Map.entry("leave", Leave.class),
          Map.entry("ack", Ack.class),
          Map.entry("history", History.class),
          Map.entry("welcome", Welcome.class),
          Map.entry("pong", Pong.class),
          Map.entry("chat", Chat.class),
          Map.entry("private", Private.class),
          Map.entry("notice", Notice.class),
          Map.entry("members", Members.class),
          Map.entry("error", ErrorReply.class),
          Map.entry("posted", Posted.class),
          Map.entry("lost", Lost.class),
          // Address validation (docs/PROTOCOL.md, section 2)
          Map.entry("retry", Retry.class),
          // Presence (docs/PROTOCOL.md, section 12)
          Map.entry("away", Away.class),
          Map.entry("presence", Presence.class),
          // Batching (docs/PROTOCOL.md, section 14)
          Map.entry("batch", Batch.class));

  private static final Map<Class<? extends Message>, String> NAMES = invert(TYPES);

  /** The field that pads a join; receivers ignore it, as they ignore every unknown field. */
  static final String PAD_FIELD = "pad";

  /** What an empty pad field adds: {@code ,"pad":""}. */
  private static final int PAD_FIELD_BYTES = 9;

  /** What each type's datagram starts with: {@code {"v":2,"type":"chat",} (see encode). */
  private static final Map<Class<? extends Message>, byte[]> ENVELOPES = envelopes(NAMES);

  private final ObjectMapper mapper;

  public Codec() {
    JsonFactory factory =
        JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // By default Jackson writes a character outside the BMP (an emoji, U+20000) as an
            // escaped surrogate pair, 12 bytes instead of its 4 in UTF-8: a name of 32 such letters
            // would then take 384 bytes and a maximal text no longer fit beside it (see Limits).
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxDocumentLength(Limits.MAX_DATAGRAM_BYTES)
                    .maxNestingDepth(Limits.MAX_NESTING_DEPTH)
                    .maxStringLength(Limits.MAX_DATAGRAM_BYTES)
                    .maxNumberLength(Limits.MAX_NUMBER_CHARS)
                    .maxNameLength(Limits.MAX_FIELD_NAME_CHARS)
                    .build())
            .build();
    JsonMapper jsonMapper =
        JsonMapper.builder(factory)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();
    for (LogicalType type : LogicalType.values()) {
      jsonMapper
          .coercionConfigFor(type)
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    // The coercions above also stop a field's own shape; give each logical type its shape back.
    jsonMapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
    jsonMapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.String, CoercionAction.TryConvert)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.TryConvert);
    jsonMapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.TryConvert);
    this.mapper = jsonMapper;
  }

  /** The datagram for {@code message}: one JSON object, UTF-8, at most the datagram limit. */
  public byte[] encode(Message message) {
    byte[] bytes = message instanceof Batch batch ? encodeBatch(batch) : encodeOne(message);
    if (message instanceof Join) {
      // Padded, so that no answer to a join is larger than the join (Limits.MIN_JOIN_BYTES).
      bytes = padded(bytes);
    }
    if (bytes.length > Limits.MAX_DATAGRAM_BYTES) {
      // Callers check text sizes first (see textBytes), so this is a bug, not bad input.
      throw new IllegalArgumentException(
          "a "
              + NAMES.get(message.getClass())
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
  public static byte[] wrapBatch(List<byte[]> items) {
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
    byte[] envelope = ENVELOPES.get(message.getClass());
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
   * Reads one datagram of {@code length} bytes as a message of the {@code expected} direction
   * ({@link ClientMessage} on the server, {@link ServerMessage} on the client).
   *
   * @throws ProtocolException naming the reason when the bytes are not such a message
   */
  public <T extends Message> T decode(byte[] buffer, int length, Class<T> expected)
      throws ProtocolException {
    if (length > Limits.MAX_DATAGRAM_BYTES) {
      throw new ProtocolException(
          Reason.OVERSIZE, "datagram larger than " + Limits.MAX_DATAGRAM_BYTES + " bytes");
    }
    for (int i = 0; i < length; i++) {
      // JSON never holds a raw NUL, and Jackson reads bytes with NULs as UTF-16 or UTF-32:
      // refusing them keeps every datagram UTF-8, as the protocol says.
      if (buffer[i] == 0) {
        throw new ProtocolException(Reason.NOT_JSON, "a NUL byte at offset " + i);
      }
    }
    requireUtf8(buffer, length);
    JsonNode tree = readTree(buffer, length);
    Class<? extends Message> type = checkedType(tree, expected);
    return expected.cast(type == Batch.class ? toBatch(tree) : toMessage(tree, type));
  }

  /** The type of the message {@code tree} holds, its envelope checked for that direction. */
  private static Class<? extends Message> checkedType(
      JsonNode tree, Class<? extends Message> expected) throws ProtocolException {
    if (!tree.isObject()) {
      throw new ProtocolException(Reason.NOT_AN_OBJECT, "a datagram must be one JSON object");
    }
    JsonNode version = tree.get("v");
    if (version == null || !version.isIntegralNumber()) {
      throw new ProtocolException(Reason.BAD_VERSION, "field v (protocol version) is missing");
    }
    // canConvertToLong: asLong() would wrap a huge literal such as 18446744073709551617 to 1.
    if (!version.canConvertToLong() || version.asLong() != Message.VERSION) {
      throw new ProtocolException(
          Reason.BAD_VERSION,
          "protocol version "
              + version
              + " is not supported (this side speaks "
              + Message.VERSION
              + ")");
    }
    JsonNode type = tree.get("type");
    if (type == null || !type.isTextual()) {
      throw new ProtocolException(Reason.UNKNOWN_TYPE, "field type is missing or not a string");
    }
    Class<? extends Message> messageClass = TYPES.get(type.textValue());
    if (messageClass == null) {
      throw new ProtocolException(
          Reason.UNKNOWN_TYPE, "unknown type \"" + shorten(type.textValue()) + "\"");
    }
    if (!expected.isAssignableFrom(messageClass)) {
      throw new ProtocolException(
          Reason.WRONG_DIRECTION, "type " + type.textValue() + " is not sent this way");
    }
    return messageClass;
  }

  private Message toMessage(JsonNode tree, Class<? extends Message> type) throws ProtocolException {
    try {
      return mapper.treeToValue(tree, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new ProtocolException(Reason.BAD_FIELD, fieldProblem(e), e);
    }
  }

  /** A batch's items, each checked as a datagram of its own would be (a batch in one is not). */
  private Batch toBatch(JsonNode tree) throws ProtocolException {
    JsonNode items = tree.get("items");
    if (items == null || !items.isArray() || items.isEmpty()) {
      throw new ProtocolException(
          Reason.BAD_FIELD, "items must be an array of at least one room event");
    }
    List<ServerMessage> messages = new ArrayList<>(items.size());
    for (JsonNode item : items) {
      Class<? extends Message> type = checkedType(item, ServerMessage.class);
      Message message = type == Batch.class ? null : toMessage(item, type);
      if (!(message instanceof ServerMessage event && Batch.mayHold(event))) {
        throw new ProtocolException(
            Reason.BAD_FIELD,
            "a batch holds room events in a stream only, not a " + typeName(type));
      }
      messages.add(event);
    }
    return new Batch(messages);
  }

  /**
   * The bytes {@code text} takes inside a datagram: its JSON string body in UTF-8, escapes
   * included. Compare with {@link Limits#MAX_TEXT_BYTES}.
   */
  public int textBytes(String text) {
    try {
      return mapper.writeValueAsBytes(text).length - 2; // minus the quotes
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The wire name of a message type, as in {@code "type"}. */
  public static String typeName(Class<? extends Message> type) {
    return NAMES.get(type);
  }

  /**
   * Jackson's UTF-8 reader accepts overlong forms (C0 80 reads as a NUL, C0 AF as '/') and
   * sequences beyond U+10FFFF; the JDK's strict decoder refuses every malformed byte sequence.
   */
  private static void requireUtf8(byte[] buffer, int length) throws ProtocolException {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(buffer, 0, length));
    } catch (CharacterCodingException e) {
      throw new ProtocolException(Reason.NOT_JSON, "the datagram is not valid UTF-8", e);
    }
  }

  private JsonNode readTree(byte[] buffer, int length) throws ProtocolException {
    try {
      JsonNode tree = mapper.readTree(buffer, 0, length);
      if (tree == null || tree.isMissingNode()) {
        throw new ProtocolException(Reason.NOT_JSON, "empty datagram");
      }
      return tree;
    } catch (StreamConstraintsException e) {
      throw new ProtocolException(Reason.TOO_COMPLEX, firstLine(e), e);
    } catch (IOException e) {
      throw new ProtocolException(Reason.NOT_JSON, firstLine(e), e);
    }
  }

  private static String fieldProblem(Exception e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    if (cause instanceof IllegalArgumentException) {
      return cause.getMessage();
    }
    return firstLine(e);
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage());
    int newline = message.indexOf('\n');
    return shorten(newline < 0 ? message : message.substring(0, newline));
  }

  private static String shorten(String s) {
    if (s.length() <= 120) {
      return s;
    }
    int end = Character.isLowSurrogate(s.charAt(117)) ? 116 : 117; // never split a pair
    return s.substring(0, end) + "...";
  }

  private static Map<Class<? extends Message>, byte[]> envelopes(
      Map<Class<? extends Message>, String> names) {
    Map<Class<? extends Message>, byte[]> envelopes = new HashMap<>();
    names.forEach(
        (type, name) ->
            envelopes.put(
                type,
                ("{\"v\":" + Message.VERSION + ",\"type\":\"" + name + "\",")
                    .getBytes(StandardCharsets.US_ASCII)));
    return Map.copyOf(envelopes);
  }

  private static Map<Class<? extends Message>, String> invert(
      Map<String, Class<? extends Message>> types) {
    Map<Class<? extends Message>, String> names = new HashMap<>();
    types.forEach((name, type) -> names.put(type, name));
    return Map.copyOf(names);
  }
}
