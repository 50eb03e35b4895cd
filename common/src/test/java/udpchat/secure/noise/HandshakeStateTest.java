package udpchat.secure.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Handshakes with fresh keys: what each end learns, and every way one must fail (a wrong room key,
 * a tampered message, another prologue, the wrong server, a message out of turn).
 */
class HandshakeStateTest {

  private static final byte[] PROLOGUE = "udpchat 1 cookie".getBytes(StandardCharsets.UTF_8);
  private static final byte[] ROOM_KEY = filled(32, 7);
  private final KeyPair server = X25519.generate();

  @Test
  void nxGivesBothEndsTheSameHashAndTheClientTheServersKey() throws NoiseException {
    HandshakeState client =
        HandshakeState.initiator(HandshakePattern.NX).prologue(PROLOGUE).build();
    HandshakeState srv = responder(HandshakePattern.NX).build();
    assertThat(client.isMyTurn()).isTrue();
    assertThat(srv.isMyTurn()).isFalse();

    assertThat(srv.readMessage(client.writeMessage(bytes("hello")))).isEqualTo(bytes("hello"));
    assertThat(client.remoteStatic()).isNull();
    byte[] second = srv.writeMessage(bytes("welcome"));
    assertThat(second).hasSize(32 + 32 + 16 + 7 + 16); // e, encrypted s, encrypted payload
    assertThat(client.readMessage(second)).isEqualTo(bytes("welcome"));

    assertThat(client.isComplete()).isTrue();
    assertThat(client.remoteStatic()).isEqualTo(server.publicKey());
    assertThat(client.handshakeHash()).isEqualTo(srv.handshakeHash());
    assertThat(client.sessionKeys().remoteStatic()).isEqualTo(server.publicKey());
    assertThat(srv.sessionKeys().remoteStatic()).isNull(); // NX: the client stays anonymous

    byte[] sealed = client.sessionKeys().sender().encryptWithAd(new byte[0], bytes("hi"));
    assertThat(srv.sessionKeys().receiver().decryptWithAd(new byte[0], sealed))
        .isEqualTo(bytes("hi"));
    byte[] back = srv.sessionKeys().sender().encryptWithAd(new byte[0], bytes("hi"));
    assertThat(back).isNotEqualTo(sealed); // each direction has its own key
    assertThat(client.sessionKeys().receiver().decryptWithAd(new byte[0], back))
        .isEqualTo(bytes("hi"));
  }

  @Test
  void nxpsk2CompletesOnlyWithTheRoomKey() throws NoiseException {
    HandshakeState good = client(HandshakePattern.NXpsk2).psk(ROOM_KEY).build();
    HandshakeState srv = responder(HandshakePattern.NXpsk2).psk(ROOM_KEY).build();
    srv.readMessage(good.writeMessage(new byte[0]));
    good.readMessage(srv.writeMessage(new byte[0]));
    assertThat(good.isComplete()).isTrue();

    HandshakeState wrong = client(HandshakePattern.NXpsk2).psk(filled(32, 8)).build();
    HandshakeState srv2 = responder(HandshakePattern.NXpsk2).psk(ROOM_KEY).build();
    srv2.readMessage(wrong.writeMessage(new byte[0]));
    byte[] reply = srv2.writeMessage(bytes("secret"));
    assertThatThrownBy(() -> wrong.readMessage(reply))
        .isInstanceOf(NoiseException.class)
        .hasMessageContaining("does not open");
    assertThat(wrong.isComplete()).isFalse();
  }

  @Test
  void aTamperedMessageFailsTheHandshakeForGood() throws NoiseException {
    HandshakeState c = client(HandshakePattern.NX).build();
    HandshakeState srv = responder(HandshakePattern.NX).build();
    srv.readMessage(c.writeMessage(new byte[0]));
    byte[] reply = srv.writeMessage(bytes("welcome"));
    byte[] tampered = reply.clone();
    tampered[40] ^= 0x40; // inside the server's encrypted static key
    assertThatThrownBy(() -> c.readMessage(tampered)).isInstanceOf(NoiseException.class);
    assertThatThrownBy(() -> c.readMessage(reply)) // the genuine one comes too late
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("failed");

    // Every byte of the server's message counts: the ephemeral, the static key, tags, payload.
    for (int i = 0; i < reply.length; i++) {
      HandshakeState fresh = client(HandshakePattern.NX).build();
      HandshakeState srv2 = responder(HandshakePattern.NX).build();
      srv2.readMessage(fresh.writeMessage(new byte[0]));
      byte[] altered = srv2.writeMessage(bytes("welcome"));
      altered[i] ^= 0x01;
      assertThatThrownBy(() -> fresh.readMessage(altered))
          .as("byte %d", i)
          .isInstanceOf(NoiseException.class);
    }
  }

  @Test
  void anotherPrologueFailsTheHandshake() throws NoiseException {
    HandshakeState c =
        HandshakeState.initiator(HandshakePattern.NX).prologue(bytes("udpchat 2")).build();
    HandshakeState srv = responder(HandshakePattern.NX).build();
    srv.readMessage(c.writeMessage(new byte[0]));
    byte[] reply = srv.writeMessage(new byte[0]);
    assertThatThrownBy(() -> c.readMessage(reply)).isInstanceOf(NoiseException.class);
  }

  @Test
  void nkToTheWrongServerFailsAtTheServer() throws NoiseException {
    HandshakeState c =
        client(HandshakePattern.NK).remoteStatic(X25519.generate().publicKey()).build();
    HandshakeState srv = responder(HandshakePattern.NK).build();
    byte[] first = c.writeMessage(bytes("hello"));
    assertThatThrownBy(() -> srv.readMessage(first)).isInstanceOf(NoiseException.class);

    HandshakeState right = client(HandshakePattern.NK).remoteStatic(server.publicKey()).build();
    HandshakeState srv2 = responder(HandshakePattern.NK).build();
    assertThat(srv2.readMessage(right.writeMessage(bytes("hello")))).isEqualTo(bytes("hello"));
    right.readMessage(srv2.writeMessage(new byte[0]));
    assertThat(right.handshakeHash()).isEqualTo(srv2.handshakeHash());
  }

  @Test
  void aShortMessageOrOneOutOfTurnIsRefused() throws NoiseException {
    HandshakeState c = client(HandshakePattern.NX).build();
    HandshakeState srv = responder(HandshakePattern.NX).build();
    assertThatThrownBy(() -> c.readMessage(new byte[48])).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> srv.writeMessage(new byte[0]))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> srv.readMessage(new byte[31]))
        .isInstanceOf(NoiseException.class)
        .hasMessageContaining("too short");
    assertThatThrownBy(() -> srv.sessionKeys()).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theBuilderRefusesWhatThePatternDoesNotTake() {
    assertThatThrownBy(() -> HandshakeState.responder(HandshakePattern.NX).build())
        .hasMessageContaining("static key");
    assertThatThrownBy(() -> client(HandshakePattern.NK).build())
        .hasMessageContaining("needs the server's static key");
    assertThatThrownBy(() -> client(HandshakePattern.NXpsk2).build())
        .hasMessageContaining("pre-shared key");
    assertThatThrownBy(() -> client(HandshakePattern.NX).psk(ROOM_KEY).build())
        .hasMessageContaining("takes no psk");
    assertThatThrownBy(() -> client(HandshakePattern.NXpsk2).psk(new byte[16]).build())
        .hasMessageContaining("32 bytes");
    assertThat(HandshakePattern.NXpsk2.protocolName())
        .isEqualTo("Noise_NXpsk2_25519_ChaChaPoly_SHA256");
  }

  private static HandshakeState.Builder client(HandshakePattern pattern) {
    return HandshakeState.initiator(pattern).prologue(PROLOGUE);
  }

  private HandshakeState.Builder responder(HandshakePattern pattern) {
    return HandshakeState.responder(pattern).prologue(PROLOGUE).localStatic(server);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] filled(int length, int value) {
    byte[] b = new byte[length];
    java.util.Arrays.fill(b, (byte) value);
    return b;
  }
}
