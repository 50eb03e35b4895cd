package udpchat.secure.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import udpchat.protocol.json.Mutations;
import udpchat.secure.transport.RefusedDatagram;
import udpchat.secure.transport.RekeyPolicy;
import udpchat.secure.transport.SealedChannel;

/**
 * Fuzzing (jqwik) the two doors a stranger can knock on: no bytes but a sealed datagram, unchanged,
 * ever open, and nothing but a {@link NoiseException} ever comes out of reading a handshake message
 * or opening a datagram.
 */
class SecureFuzzTest {

  static final String SEED = "20261203";
  static final byte[] AD = {(byte) 0xF5};
  static final byte[] PAYLOAD =
      "{\"type\":\"say\",\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8);
  static final KeyPair SERVER = X25519.generate();
  static final SessionKeys KEYS = clientKeys();
  static final byte[] SEALED = channel().seal(PAYLOAD);

  @Property(seed = SEED)
  void randomBytesNeverOpen(@ForAll("randomBytes") byte[] datagram) {
    assertThatThrownBy(() -> channel().open(datagram)).isInstanceOf(RefusedDatagram.class);
  }

  @Property(seed = SEED)
  void anAlteredSealedDatagramNeverOpens(@ForAll("edits") List<Mutations.Mutation> edits)
      throws NoiseException {
    byte[] altered = Mutations.apply(SEALED, edits);
    Channel receiver = channel();
    if (Arrays.equals(altered, SEALED)) { // an edit can undo another
      assertThat(receiver.open(altered)).isEqualTo(PAYLOAD);
      return;
    }
    assertThatThrownBy(() -> receiver.open(altered)).isInstanceOf(RefusedDatagram.class);
    assertThat(receiver.open(SEALED)).isEqualTo(PAYLOAD); // and changed nothing
  }

  @Property(seed = SEED, tries = 300)
  void aRandomServerMessageNeverCompletesAHandshake(@ForAll("randomBytes") byte[] message)
      throws NoiseException {
    HandshakeState client = HandshakeState.initiator(HandshakePattern.NX).build();
    client.writeMessage(new byte[0]);
    assertThatThrownBy(() -> client.readMessage(message)).isInstanceOf(NoiseException.class);
    assertThat(client.isComplete()).isFalse();
  }

  @Property(seed = SEED, tries = 300)
  void aRandomClientMessageNeverOpensAtAPrivateRoom(@ForAll("randomBytes") byte[] message) {
    // In a psk pattern the ephemeral key keys the first payload (Noise 9.2), so even the client's
    // first message carries a tag that random bytes do not match.
    HandshakeState server =
        HandshakeState.responder(HandshakePattern.NXpsk2)
            .localStatic(SERVER)
            .psk(new byte[32])
            .build();
    assertThatThrownBy(() -> server.readMessage(message)).isInstanceOf(NoiseException.class);
    assertThat(server.isComplete()).isFalse();
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(1300);
  }

  @Provide
  Arbitrary<List<Mutations.Mutation>> edits() {
    return Mutations.edits();
  }

  /** A fresh channel (a fresh replay window) over the same keys: the server's end talks to it. */
  private static Channel channel() {
    return new Channel(new SealedChannel(KEYS, RekeyPolicy.DEFAULT, 0));
  }

  private record Channel(SealedChannel sealed) {
    byte[] seal(byte[] payload) {
      try {
        return sealed.seal(AD, payload);
      } catch (NoiseException e) {
        throw new AssertionError(e);
      }
    }

    byte[] open(byte[] datagram) throws RefusedDatagram {
      return sealed.open(AD, datagram);
    }
  }

  /** A session whose sender and receiver are the same key, so one channel opens what it sealed. */
  private static SessionKeys clientKeys() {
    try {
      HandshakeState c = HandshakeState.initiator(HandshakePattern.NX).build();
      HandshakeState s = HandshakeState.responder(HandshakePattern.NX).localStatic(SERVER).build();
      s.readMessage(c.writeMessage(new byte[0]));
      c.readMessage(s.writeMessage(new byte[0]));
      SessionKeys client = c.sessionKeys();
      SessionKeys server = s.sessionKeys();
      return new SessionKeys(client.sender(), server.receiver(), client.handshakeHash(), null);
    } catch (NoiseException e) {
      throw new AssertionError(e);
    }
  }
}
