package udpchat.secure.noise;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import udpchat.secure.transport.RekeyPolicy;
import udpchat.secure.transport.SealedChannel;

/**
 * The published test vectors (cacophony's and snow's, in {@code noise-vectors.json}): every
 * handshake and transport message byte for byte, in both directions, and the handshake hash.
 */
class NoiseVectorsTest {

  private static final HexFormat HEX = HexFormat.of();

  static Stream<JsonNode> vectors() throws IOException {
    try (InputStream in = NoiseVectorsTest.class.getResourceAsStream("noise-vectors.json")) {
      List<JsonNode> all = new ArrayList<>();
      new ObjectMapper().readTree(in).get("vectors").forEach(all::add);
      return all.stream();
    }
  }

  @Test
  void theResourceHoldsEachProtocolWeUse() throws IOException {
    List<String> names = vectors().map(v -> v.get("protocol_name").asText()).toList();
    assertThat(names)
        .contains(
            "Noise_NX_25519_ChaChaPoly_SHA256",
            "Noise_NXpsk2_25519_ChaChaPoly_SHA256",
            "Noise_NK_25519_ChaChaPoly_SHA256")
        .hasSize(5);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void everyMessageIsTheVectorsBytes(JsonNode v) throws NoiseException {
    HandshakePattern pattern = patternOf(v.get("protocol_name").asText());
    HandshakeState[] ends = ends(v, pattern);
    HandshakeState initiator = ends[0];
    HandshakeState responder = ends[1];

    JsonNode messages = v.get("messages");
    int handshakeMessages = pattern.messages().size();
    for (int i = 0; i < handshakeMessages; i++) {
      HandshakeState writer = i % 2 == 0 ? initiator : responder;
      HandshakeState reader = i % 2 == 0 ? responder : initiator;
      byte[] payload = HEX.parseHex(messages.get(i).get("payload").asText());
      byte[] sent = writer.writeMessage(payload);
      assertThat(HEX.formatHex(sent)).as("message %d", i).isEqualTo(text(messages.get(i)));
      assertThat(reader.readMessage(sent)).isEqualTo(payload);
    }
    assertThat(initiator.isComplete()).isTrue();
    assertThat(responder.isComplete()).isTrue();
    assertThat(initiator.remoteStatic())
        .isEqualTo(X25519.fromPrivate(bytes(v, "resp_static")).publicKey());
    assertThat(initiator.handshakeHash()).isEqualTo(responder.handshakeHash());
    if (v.has("handshake_hash")) {
      assertThat(HEX.formatHex(initiator.handshakeHash()))
          .isEqualTo(v.get("handshake_hash").asText());
    }

    SessionKeys a = initiator.sessionKeys();
    SessionKeys b = responder.sessionKeys();
    for (int i = handshakeMessages; i < messages.size(); i++) {
      SessionKeys writer = i % 2 == 0 ? a : b;
      SessionKeys reader = i % 2 == 0 ? b : a;
      byte[] payload = HEX.parseHex(messages.get(i).get("payload").asText());
      byte[] sent = writer.sender().encryptWithAd(new byte[0], payload);
      assertThat(HEX.formatHex(sent)).as("message %d", i).isEqualTo(text(messages.get(i)));
      assertThat(reader.receiver().decryptWithAd(new byte[0], sent)).isEqualTo(payload);
    }
    assertThat(messages.size()).isGreaterThan(handshakeMessages);
  }

  /**
   * The transport messages again through {@link SealedChannel}: each direction counts 0, 1, ... as
   * the implicit nonce does, so each datagram is its counter, then the vector's bytes.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void sealedDatagramsAreTheCounterThenTheVectorsBytes(JsonNode v) throws NoiseException {
    HandshakePattern pattern = patternOf(v.get("protocol_name").asText());
    HandshakeState[] ends = ends(v, pattern);
    JsonNode messages = v.get("messages");
    int handshakeMessages = pattern.messages().size();
    for (int i = 0; i < handshakeMessages; i++) {
      ends[(i + 1) % 2].readMessage(ends[i % 2].writeMessage(payload(messages.get(i))));
    }
    SealedChannel client = new SealedChannel(ends[0].sessionKeys(), RekeyPolicy.DEFAULT, 0);
    SealedChannel server = new SealedChannel(ends[1].sessionKeys(), RekeyPolicy.DEFAULT, 0);
    long[] counters = {0, 0};
    for (int i = handshakeMessages; i < messages.size(); i++) {
      int from = i % 2;
      byte[] datagram = (from == 0 ? client : server).seal(new byte[0], payload(messages.get(i)));
      byte[] counter = new byte[8];
      counter[0] = (byte) counters[from]++; // little-endian, and these counters are small
      assertThat(HEX.formatHex(datagram))
          .as("message %d", i)
          .isEqualTo(HEX.formatHex(counter) + text(messages.get(i)));
      assertThat((from == 0 ? server : client).open(new byte[0], datagram))
          .isEqualTo(payload(messages.get(i)));
    }
  }

  /** The initiator and the responder of the vector, with its keys, prologues and psk. */
  private static HandshakeState[] ends(JsonNode v, HandshakePattern pattern) {
    HandshakeState.Builder init =
        HandshakeState.initiator(pattern)
            .prologue(bytes(v, "init_prologue"))
            .ephemerals(once(bytes(v, "init_ephemeral")));
    HandshakeState.Builder resp =
        HandshakeState.responder(pattern)
            .prologue(bytes(v, "resp_prologue"))
            .localStatic(X25519.fromPrivate(bytes(v, "resp_static")))
            .ephemerals(once(bytes(v, "resp_ephemeral")));
    if (v.has("init_remote_static")) {
      init.remoteStatic(bytes(v, "init_remote_static"));
    }
    if (v.has("init_psks") && v.get("init_psks").size() > 0) {
      init.psk(HEX.parseHex(v.get("init_psks").get(0).asText()));
      resp.psk(HEX.parseHex(v.get("resp_psks").get(0).asText()));
    }
    return new HandshakeState[] {init.build(), resp.build()};
  }

  private static byte[] payload(JsonNode message) {
    return HEX.parseHex(message.get("payload").asText());
  }

  private static HandshakePattern patternOf(String protocolName) {
    String pattern = protocolName.split("_")[1];
    HandshakePattern p = HandshakePattern.valueOf(pattern);
    assertThat(p.protocolName()).isEqualTo(protocolName);
    return p;
  }

  /** The vector's one ephemeral key; a second request would be a bug in the handshake. */
  private static Supplier<KeyPair> once(byte[] privateKey) {
    boolean[] used = {false};
    return () -> {
      assertThat(used[0]).as("ephemeral asked for twice").isFalse();
      used[0] = true;
      return X25519.fromPrivate(privateKey);
    };
  }

  private static byte[] bytes(JsonNode v, String field) {
    return HEX.parseHex(v.get(field).asText());
  }

  private static String text(JsonNode message) {
    return message.get("ciphertext").asText();
  }
}
