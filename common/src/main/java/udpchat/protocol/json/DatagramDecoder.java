package udpchat.protocol.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import udpchat.protocol.Batch;
import udpchat.protocol.Limits;
import udpchat.protocol.Message;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.ProtocolException.Reason;
import udpchat.protocol.ServerMessage;

/**
 * Reads datagrams strictly: the size, the bytes (no NUL, only valid UTF-8), one JSON document with
 * no duplicate key and nothing after it, then the envelope ({@code v}, {@code type}, the
 * direction), then the record's fields; each refusal a {@link ProtocolException} naming why.
 */
final class DatagramDecoder {

  private final ObjectMapper mapper;

  DatagramDecoder(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * Reads one datagram of {@code length} bytes as a message of the {@code expected} direction
   * ({@link ClientMessage} on the server, {@link ServerMessage} on the client).
   *
   * @throws ProtocolException naming the reason when the bytes are not such a message
   */
  <T extends Message> T decode(byte[] buffer, int length, Class<T> expected)
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
    Class<? extends Message> messageClass = MessageTypes.byName(type.textValue());
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
            "a batch holds room events in a stream only, not a " + MessageTypes.nameOf(type));
      }
      messages.add(event);
    }
    return new Batch(messages);
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
}
