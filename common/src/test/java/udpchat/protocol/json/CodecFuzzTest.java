package udpchat.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.Limits;
import udpchat.protocol.Message;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.ServerMessage;

/**
 * Fuzzing the datagram decoder (jqwik): whatever the bytes, {@link Codec#decode} returns a message
 * or throws {@link ProtocolException}, nothing else, and never takes long; what it accepts it can
 * write again and read back the same. Inputs: random bytes, valid datagrams of every type mutated
 * byte by byte, and JSON objects built from the protocol's own field names and types with random
 * values. The seed is fixed, so a build always runs the same inputs; {@code
 * -Djqwik.tries.default=N} runs more (docs/SECURITY.md, "Fuzzing").
 */
class CodecFuzzTest {

  static final String SEED = "20261123";

  /** Loose on purpose (a busy machine, a collection): a real problem takes orders longer. */
  static final long MAX_DECODE_MS = 1000;

  final Codec codec = new Codec();

  /** What became of the inputs of one property (as a request), printed after it: the coverage. */
  final Map<String, Integer> outcomes = new TreeMap<>();

  String property;

  @AfterProperty
  void printOutcomes() {
    System.out.printf(
        "%s: %d inputs, as requests: %s%n",
        property, outcomes.values().stream().mapToInt(Integer::intValue).sum(), outcomes);
  }

  @Property(seed = SEED)
  void randomBytesOnlyEverGiveAProtocolException(@ForAll("randomBytes") byte[] datagram) {
    property = "random bytes";
    decodeBothWays(datagram);
  }

  @Property(seed = SEED)
  void mutatedValidDatagramsOnlyEverGiveAProtocolException(
      @ForAll("mutatedDatagrams") byte[] datagram) {
    property = "mutated valid datagrams";
    decodeBothWays(datagram);
  }

  @Property(seed = SEED)
  void protocolShapedJsonOnlyEverGivesAProtocolException(
      @ForAll("protocolShapedJson") byte[] datagram) {
    property = "protocol-shaped JSON";
    decodeBothWays(datagram);
  }

  /** Decodes as a request and as a reply: each either a message that round-trips, or refused. */
  private void decodeBothWays(byte[] datagram) {
    outcomes.merge(decode(datagram, ClientMessage.class), 1, Integer::sum);
    decode(datagram, ServerMessage.class);
  }

  /** The outcome: "accepted", or the reason it was refused. */
  private <T extends Message> String decode(byte[] datagram, Class<T> direction) {
    long startNs = System.nanoTime();
    T message;
    try {
      message = codec.decode(datagram, datagram.length, direction);
    } catch (ProtocolException refused) {
      assertThat(refused.reason()).isNotNull();
      return refused.reason().code(); // the one exception allowed to escape
    } finally {
      assertThat((System.nanoTime() - startNs) / 1_000_000).isLessThan(MAX_DECODE_MS);
    }
    // Accepted: it must be something the encoder can write, and read back unchanged.
    byte[] again = codec.encode(message);
    try {
      assertThat(codec.decode(again, again.length, direction)).isEqualTo(message);
    } catch (ProtocolException e) {
      throw new AssertionError("re-encoded " + message + " is refused: " + e.getMessage(), e);
    }
    return "accepted";
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(Limits.MAX_DATAGRAM_BYTES + 10);
  }

  @Provide
  Arbitrary<byte[]> mutatedDatagrams() {
    List<byte[]> valid = CodecTest.everyMessageType().map(codec::encode).toList();
    return Combinators.combine(Arbitraries.of(valid), Mutations.edits()).as(Mutations::apply);
  }

  static final List<String> TYPES =
      List.of(
          "join",
          "ping",
          "ack",
          "say",
          "tell",
          "who",
          "history",
          "nick",
          "leave",
          "away",
          "welcome",
          "pong",
          "posted",
          "chat",
          "private",
          "notice",
          "lost",
          "members",
          "error",
          "presence",
          "Join",
          "");

  static final List<String> FIELDS =
      List.of(
          "name",
          "client",
          "next",
          "since",
          "session",
          "id",
          "seq",
          "missingTo",
          "n",
          "text",
          "action",
          "to",
          "count",
          "heartbeatMs",
          "timeoutMs",
          "online",
          "epoch",
          "start",
          "head",
          "prev",
          "at",
          "from",
          "ref",
          "of",
          "event",
          "newName",
          "total",
          "names",
          "code",
          "message",
          "away",
          "reason",
          "state",
          "silentMs",
          "x");

  @Provide
  Arbitrary<byte[]> protocolShapedJson() {
    ObjectMapper json = new ObjectMapper();
    Arbitrary<Object> scalar =
        Arbitraries.oneOf(
            Arbitraries.longs().map(Object.class::cast),
            Arbitraries.integers().between(-2, 70).map(Object.class::cast),
            Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, 0L, 1L, 1e3, 2.0, -0.0)
                .map(Object.class::cast),
            Arbitraries.strings().ofMaxLength(40).map(Object.class::cast),
            Arbitraries.of("alice", "AbCdEfGhIjKlMnOpQr_-09", "joined", "away", "\u202e")
                .map(Object.class::cast),
            Arbitraries.of(true, false).map(Object.class::cast),
            Arbitraries.just(null));
    Arbitrary<Object> value =
        Arbitraries.oneOf(
            scalar,
            scalar.list().ofMaxSize(4).map(Object.class::cast),
            Arbitraries.maps(Arbitraries.of(FIELDS), scalar).ofMaxSize(3).map(Object.class::cast));
    Arbitrary<Map<String, Object>> fields =
        Arbitraries.maps(
                Arbitraries.frequencyOf(
                    Tuple.of(4, Arbitraries.of(FIELDS)),
                    Tuple.of(1, Arbitraries.strings().ofMaxLength(40))),
                value)
            .ofMaxSize(9);
    Arbitrary<Object> versions = Arbitraries.of(2, 2, 2, 1, 3, "2", 2.0).map(Object.class::cast);
    Arbitrary<byte[]> randomObjects = randomObjects(json, versions, fields);
    // Valid messages with one or two fields removed, replaced by any value, or added.
    List<ObjectNode> valid =
        CodecTest.everyMessageType()
            .map(m -> (ObjectNode) readTree(json, codec.encode(m)))
            .toList();
    Arbitrary<FieldEdit> edit =
        Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(FIELDS), value)
            .as(FieldEdit::new);
    Arbitrary<byte[]> editedValid =
        Combinators.combine(Arbitraries.of(valid), edit.list().ofMinSize(1).ofMaxSize(2))
            .as((message, edits) -> edited(json, message, edits));
    return Arbitraries.oneOf(randomObjects, editedValid);
  }

  /** Remove (0) the field, or set it (1, 2) to the value: a field of the message or another. */
  record FieldEdit(int kind, String field, Object value) {}

  private static byte[] edited(ObjectMapper json, ObjectNode message, List<FieldEdit> edits) {
    ObjectNode copy = message.deepCopy();
    for (FieldEdit edit : edits) {
      List<String> names = new java.util.ArrayList<>();
      copy.fieldNames().forEachRemaining(names::add);
      // Mostly a field the message has, so the edit reaches the checks of that type.
      String field =
          names.isEmpty() || edit.kind() == 2
              ? edit.field()
              : names.get(Math.floorMod(edit.field().hashCode(), names.size()));
      if (edit.kind() == 0) {
        copy.remove(field);
      } else {
        copy.set(field, json.valueToTree(edit.value()));
      }
    }
    try {
      return json.writeValueAsBytes(copy);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode readTree(ObjectMapper json, byte[] bytes) {
    try {
      return json.readTree(bytes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Arbitrary<byte[]> randomObjects(
      ObjectMapper json, Arbitrary<Object> versions, Arbitrary<Map<String, Object>> fields) {
    return Combinators.combine(versions, Arbitraries.of(TYPES), fields)
        .as(Tuple::of)
        .map(
            parts -> {
              Map<String, Object> object = new LinkedHashMap<>();
              object.put("v", parts.get1());
              object.put("type", parts.get2());
              object.putAll(parts.get3());
              try {
                return json.writeValueAsBytes(object);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
  }
}
