package udpchat.secure.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import udpchat.secure.noise.HandshakePattern;
import udpchat.secure.noise.HandshakeState;
import udpchat.secure.noise.NoiseException;
import udpchat.secure.noise.X25519;
import udpchat.secure.transport.RefusedDatagram.Reason;

/** Sealed datagrams between a client and a server: layout, loss, reordering, copies, forgeries. */
class SealedChannelTest {

  private static final byte[] AD = {(byte) 0xF5};
  private static final long T0 = 5_000_000_000L;

  private final SealedChannel[] pair = channels(RekeyPolicy.DEFAULT);
  private final SealedChannel client = pair[0];
  private final SealedChannel server = pair[1];

  @Test
  void aDatagramIsTheCounterThenTheCiphertextAndTag() throws NoiseException {
    client.seal(AD, bytes("zero"));
    byte[] datagram = client.seal(AD, bytes("one"));
    assertThat(datagram).hasSize(3 + SealedChannel.OVERHEAD).startsWith(1, 0, 0, 0, 0, 0, 0, 0);
    assertThat(server.open(AD, datagram)).isEqualTo(bytes("one"));
    assertThat(SealedChannel.OVERHEAD).isEqualTo(24);
  }

  @Test
  void bothDirectionsOpenAndLostOrReorderedDatagramsStillDo() throws NoiseException {
    byte[] d0 = client.seal(AD, bytes("a"));
    byte[] d1 = client.seal(AD, bytes("b"));
    byte[] d2 = client.seal(AD, bytes("c"));
    client.seal(AD, bytes("lost"));
    assertThat(server.open(AD, d2)).isEqualTo(bytes("c"));
    assertThat(server.open(AD, d0)).isEqualTo(bytes("a")); // overtaken, still good
    assertThat(server.open(AD, d1)).isEqualTo(bytes("b"));
    assertThat(client.open(AD, server.seal(AD, bytes("back")))).isEqualTo(bytes("back"));
  }

  @Test
  void aCopyIsRefusedAsReplayed() throws NoiseException {
    byte[] d = client.seal(AD, bytes("once"));
    server.open(AD, d);
    assertRefused(server, d, Reason.REPLAYED);
  }

  @Test
  void aDatagramFromBeyondTheWindowIsRefusedAsTooOld() throws NoiseException {
    byte[] old = client.seal(AD, bytes("old"));
    byte[] last = null;
    for (int i = 0; i < ReplayWindow.SIZE; i++) {
      last = client.seal(AD, bytes("x"));
    }
    server.open(AD, last); // counter SIZE: 0 is now a window's width below
    assertRefused(server, old, Reason.TOO_OLD);
  }

  @Test
  void aTamperedDatagramIsRefusedAndMovesNothing() throws NoiseException {
    byte[] d0 = client.seal(AD, bytes("hello"));
    for (int i = 0; i < d0.length; i++) {
      byte[] tampered = d0.clone();
      tampered[i] ^= 0x01;
      assertThatThrownBy(() -> server.open(AD, tampered))
          .as("byte %d", i)
          .isInstanceOf(RefusedDatagram.class);
    }
    // A forged counter far ahead did not move the window: the genuine datagram still opens.
    byte[] farAhead = d0.clone();
    farAhead[7] = 0x10;
    assertRefused(server, farAhead, Reason.BAD_SEAL);
    assertThat(server.open(AD, d0)).isEqualTo(bytes("hello"));
    assertThat(server.messages()).isEqualTo(1);
  }

  @Test
  void aForgeryRefusedUnderACounterDoesNotStopTheGenuineDatagramWithIt() throws NoiseException {
    byte[] genuine = client.seal(AD, bytes("hello"));
    byte[] forged = genuine.clone();
    forged[SealedChannel.COUNTER_BYTES] ^= 0x01;
    assertRefused(server, forged, Reason.BAD_SEAL);
    assertRefused(server, forged, Reason.BAD_SEAL); // twice in a row, same counter
    assertThat(server.open(AD, genuine)).isEqualTo(bytes("hello"));
  }

  @Test
  void anotherHeaderAnotherSessionOrAShortDatagramIsRefused() throws NoiseException {
    byte[] d = client.seal(AD, bytes("hello"));
    assertRefused(server, d, new byte[] {(byte) 0xF6}, Reason.BAD_SEAL);
    assertRefused(channels(RekeyPolicy.DEFAULT)[1], d, AD, Reason.BAD_SEAL);
    assertRefused(server, new byte[SealedChannel.OVERHEAD - 1], AD, Reason.TOO_SHORT);
    assertRefused(client, d, AD, Reason.BAD_SEAL); // its own datagram reflected back
  }

  @Test
  void rekeyIsDueAfterThePolicysMessagesEitherWayAndSealingStopsAtTheRejectLimit()
      throws NoiseException {
    RekeyPolicy policy = new RekeyPolicy(3, Duration.ofSeconds(120), 5, Duration.ofSeconds(180));
    SealedChannel[] small = channels(policy);
    SealedChannel c = small[0];
    SealedChannel s = small[1];
    byte[] last = null;
    for (int i = 0; i < 3; i++) {
      assertThat(c.rekeyDue(T0)).isFalse();
      last = c.seal(AD, bytes("m"));
    }
    assertThat(c.rekeyDue(T0)).isTrue();
    assertThat(s.rekeyDue(T0)).isFalse();
    s.open(AD, last); // counter 2 received: the server has seen 3 counters' worth
    assertThat(s.rekeyDue(T0)).isTrue();
    assertThat(s.expired(T0)).isFalse();
    c.seal(AD, bytes("m"));
    c.seal(AD, bytes("m"));
    assertThat(c.expired(T0)).isTrue();
    assertThatThrownBy(() -> c.seal(AD, bytes("m"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void rekeyIsDueAfterThePolicysTime() {
    long rekeyAt = T0 + Duration.ofSeconds(120).toNanos();
    assertThat(client.rekeyDue(rekeyAt - 1)).isFalse();
    assertThat(client.rekeyDue(rekeyAt)).isTrue();
    assertThat(client.expired(T0 + Duration.ofSeconds(180).toNanos())).isTrue();
  }

  private static void assertRefused(SealedChannel channel, byte[] datagram, Reason reason) {
    assertRefused(channel, datagram, AD, reason);
  }

  private static void assertRefused(
      SealedChannel channel, byte[] datagram, byte[] ad, Reason reason) {
    assertThatThrownBy(() -> channel.open(ad, datagram))
        .isInstanceOfSatisfying(
            RefusedDatagram.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  /** A client's and a server's channel after a real NX handshake. */
  static SealedChannel[] channels(RekeyPolicy policy) {
    try {
      HandshakeState c = HandshakeState.initiator(HandshakePattern.NX).build();
      HandshakeState s =
          HandshakeState.responder(HandshakePattern.NX).localStatic(X25519.generate()).build();
      s.readMessage(c.writeMessage(new byte[0]));
      c.readMessage(s.writeMessage(new byte[0]));
      return new SealedChannel[] {
        new SealedChannel(c.sessionKeys(), policy, T0),
        new SealedChannel(s.sessionKeys(), policy, T0)
      };
    } catch (NoiseException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
