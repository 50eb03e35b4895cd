package udpchat.secure.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import udpchat.crypto.DatagramSeal;
import udpchat.crypto.RoomKey;
import udpchat.secure.noise.KeyPair;
import udpchat.secure.noise.X25519;
import udpchat.secure.transport.RefusedDatagram;
import udpchat.secure.transport.RefusedDatagram.Reason;
import udpchat.secure.transport.RekeyPolicy;

/**
 * The link's two ends in memory: the cookie round trip, the handshake, sealed payloads both ways,
 * and what a forger, a replayer, a wrong room key or another server's key can do (nothing).
 */
class LinkTest {

  private static final byte[] COOKIE = filled(7);
  private static final long SECOND = 1_000_000_000L;

  private final KeyPair serverKey = X25519.generate();
  private final ArrayDeque<byte[]> toServer = new ArrayDeque<>();
  private SealedSession serverSession;

  private Initiator client(byte[] psk, ServerKeyCheck check, DatagramSeal seal) {
    return new Initiator(
        psk, check, RekeyPolicy.DEFAULT, seal, datagram -> toServer.add(bytes(datagram)));
  }

  /** A server of one client: retry without the right cookie, accept with it, open the rest. */
  private byte[] serve(Responder responder, Initiator client, long now) throws RefusedDatagram {
    byte[] payload = null;
    while (!toServer.isEmpty()) {
      byte[] datagram = toServer.removeFirst();
      if (datagram[0] == LinkFormat.SEALED) {
        payload = serverSession.open(datagram, 0, datagram.length);
        continue;
      }
      byte[] cookie = Responder.cookieOf(datagram, 0, datagram.length);
      assertThat(cookie).as("a hello of exactly 1200 bytes").isNotNull();
      if (!Arrays.equals(cookie, COOKIE)) {
        client.receive(ByteBuffer.wrap(LinkFormat.retry(COOKIE)), now);
        continue;
      }
      Responder.Accepted accepted = responder.accept(datagram, 0, datagram.length, now);
      serverSession = accepted.session();
      client.receive(ByteBuffer.wrap(accepted.datagram()), now);
    }
    return payload;
  }

  @Test
  void aPayloadWaitsForTheCookieAndTheHandshakeThenGoesSealedBothWays() throws Exception {
    Initiator client = client(null, ServerKeyCheck.ANY, DatagramSeal.NONE);
    Responder responder = new Responder(serverKey, null, RekeyPolicy.DEFAULT);

    client.send(text("{\"type\":\"join\"}"), 0);
    assertThat(toServer.peek()).hasSize(LinkFormat.HELLO_BYTES).startsWith(0xE1, 3);
    byte[] arrived = serve(responder, client, 0);

    assertThat(arrived).isEqualTo(text("{\"type\":\"join\"}"));
    assertThat(client.established()).isTrue();
    assertThat(client.serverStatic()).isEqualTo(serverKey.publicKey());
    byte[] welcome = serverSession.seal(text("welcome"), 7);
    assertThat(welcome).hasSize(7 + LinkFormat.SEALED_OVERHEAD);
    assertThat(client.receive(ByteBuffer.wrap(welcome), 0)).isEqualTo(text("welcome"));
    assertThatThrownBy(() -> client.receive(ByteBuffer.wrap(welcome), 0))
        .isInstanceOfSatisfying(
            RefusedDatagram.class, e -> assertThat(e.reason()).isEqualTo(Reason.REPLAYED));
  }

  @Test
  void forgeriesChangeNothingAndTheRealAcceptStillCompletes() throws Exception {
    Initiator client = client(null, ServerKeyCheck.ANY, DatagramSeal.NONE);
    client.send(text("hi"), 0);
    toServer.clear();
    client.receive(ByteBuffer.wrap(LinkFormat.retry(COOKIE)), 0); // a new cookie: a hello at once
    byte[] hello = toServer.removeLast();

    byte[] forged = new byte[LinkFormat.ACCEPT_BYTES];
    forged[0] = LinkFormat.ACCEPT;
    assertRefused(client, forged, Reason.BAD_HANDSHAKE);
    assertRefused(client, text("{\"v\":2,\"type\":\"chat\"}"), Reason.NOT_SEALED);
    byte[] sealedForgery = new byte[60];
    sealedForgery[0] = LinkFormat.SEALED;
    assertRefused(client, sealedForgery, Reason.UNKNOWN_SESSION);

    Responder.Accepted real =
        new Responder(serverKey, null, RekeyPolicy.DEFAULT).accept(hello, 0, hello.length, 0);
    client.receive(ByteBuffer.wrap(real.datagram()), 0);
    assertThat(client.established()).isTrue();
    byte[] queued = toServer.removeLast();
    assertThat(real.session().open(queued, 0, queued.length)).isEqualTo(text("hi"));
  }

  @Test
  void anotherServersKeyIsRefusedAndNothingIsSealedUnderIt() throws Exception {
    byte[] trusted = X25519.generate().publicKey();
    ServerKeyCheck pinned = key -> Arrays.equals(key, trusted) ? null : "not the pinned key";
    Initiator client = client(null, pinned, DatagramSeal.NONE);
    client.send(text("secret"), 0);
    byte[] hello = withCookie(client);
    Responder.Accepted accepted =
        new Responder(serverKey, null, RekeyPolicy.DEFAULT).accept(hello, 0, hello.length, 0);

    assertRefused(client, accepted.datagram(), Reason.SERVER_KEY_REFUSED);
    assertThat(client.established()).isFalse();
    assertThat(toServer).as("the waiting payload never went").isEmpty();
  }

  @Test
  void aPrivateRoomsHandshakeCompletesOnlyWithTheRoomKey() throws Exception {
    RoomKey room = RoomKey.derive("correct horse battery staple");
    RoomKey other = RoomKey.derive("another passphrase");
    Responder responder = new Responder(serverKey, room.handshakeKey(), RekeyPolicy.DEFAULT);
    // The room seal around the handshake is the server's business here; the psk alone is tested.
    Initiator outsider = client(other.handshakeKey(), ServerKeyCheck.ANY, DatagramSeal.NONE);
    outsider.send(text("let me in"), 0);
    byte[] hello = withCookie(outsider);
    Responder.Accepted accepted = responder.accept(hello, 0, hello.length, 0);
    assertRefused(outsider, accepted.datagram(), Reason.BAD_HANDSHAKE);

    Initiator member = client(room.handshakeKey(), ServerKeyCheck.ANY, DatagramSeal.NONE);
    member.send(text("hello room"), 0);
    assertThat(serve(responder, member, 0)).isEqualTo(text("hello room"));
  }

  @Test
  void aRekeyHandsOverWhileTheOldSessionStillOpensWhatWasSealedUnderIt() throws Exception {
    Initiator client = client(null, ServerKeyCheck.ANY, DatagramSeal.NONE);
    Responder responder = new Responder(serverKey, null, RekeyPolicy.DEFAULT);
    client.send(text("first"), 0);
    serve(responder, client, 0);
    SealedSession old = serverSession;
    byte[] inFlight = old.seal(text("late"), 4);

    long later = Duration.ofSeconds(121).toNanos();
    client.tick(later); // the rekey is due: a hello with the cookie it has
    serve(responder, client, later);
    assertThat(serverSession).isNotSameAs(old);
    assertThat(client.handshakes()).isEqualTo(2);
    client.send(text("after"), later);
    byte[] after = toServer.removeLast();
    assertThat(serverSession.open(after, 0, after.length)).isEqualTo(text("after"));
    assertThat(client.receive(ByteBuffer.wrap(inFlight), later)).isEqualTo(text("late"));

    long dead = later + 181 * SECOND;
    assertRefusedAt(client, old.seal(text("x"), 1), Reason.UNKNOWN_SESSION, dead);
  }

  /**
   * The server forgot the session the client uses (the accept arrived, but the client's datagrams
   * under it did not before the server's pending session expired): its retry carries the very
   * cookie the client's last hello had. The client must handshake again, or it seals for nobody
   * until its rekey two minutes later (seen at 40% loss each way).
   */
  @Test
  void aRetryWithTheSameCookieWhileASessionWorksStartsAHandshake() throws Exception {
    Initiator client = client(null, ServerKeyCheck.ANY, DatagramSeal.NONE);
    Responder responder = new Responder(serverKey, null, RekeyPolicy.DEFAULT);
    client.send(text("join"), 0);
    serve(responder, client, 0);
    assertThat(client.handshakes()).isEqualTo(1);

    long later = 11 * SECOND;
    client.send(text("join again"), later); // the server forgot: it answers with a retry
    toServer.clear();
    client.receive(ByteBuffer.wrap(LinkFormat.retry(COOKIE)), later);
    assertThat(toServer).as("a hello at once").singleElement().satisfies(this::isHello);

    // That hello's accept is lost, and four more: the handshake gave up. Another retry restarts it.
    for (int i = 1; i <= 5; i++) {
      client.tick(later + i * SECOND);
    }
    toServer.clear();
    client.tick(later + 6 * SECOND);
    assertThat(toServer).as("given up after five hellos").isEmpty();
    client.receive(ByteBuffer.wrap(LinkFormat.retry(COOKIE)), later + 7 * SECOND);
    assertThat(toServer).singleElement().satisfies(this::isHello);
    serve(responder, client, later + 7 * SECOND);
    assertThat(client.handshakes()).isEqualTo(2);
    client.send(text("in"), later + 8 * SECOND);
    byte[] in = toServer.removeLast();
    assertThat(serverSession.open(in, 0, in.length)).isEqualTo(text("in"));

    // Retries are not authenticated: a flood of them makes at most one hello a RETRY_GAP.
    toServer.clear();
    for (int i = 0; i < 100; i++) {
      client.receive(ByteBuffer.wrap(LinkFormat.retry(COOKIE)), later + 9 * SECOND + i * 1000);
    }
    assertThat(toServer).hasSize(1);
  }

  /**
   * The server's sender seals every datagram into one buffer: each opens, none disturbs another.
   */
  @Test
  void sealingIntoOneReusedBufferGivesTheSameDatagramsAsSealingEachAlone() throws Exception {
    Initiator client = client(null, ServerKeyCheck.ANY, DatagramSeal.NONE);
    Responder responder = new Responder(serverKey, null, RekeyPolicy.DEFAULT);
    client.send(text("join"), 0);
    serve(responder, client, 0);
    byte[] buffer = new byte[LinkFormat.MAX_DATAGRAM_BYTES];
    byte[] padded = Arrays.copyOf(text("welcome, alice"), 40); // only the first 14 bytes go

    int first = serverSession.seal(padded, 14, buffer);
    assertThat(first).isEqualTo(14 + LinkFormat.SEALED_OVERHEAD);
    byte[] one = Arrays.copyOf(buffer, first);
    int second = serverSession.seal(text("a longer second message"), 23, buffer);
    byte[] two = Arrays.copyOf(buffer, second);

    assertThat(client.receive(ByteBuffer.wrap(one), 0)).isEqualTo(text("welcome, alice"));
    assertThat(client.receive(ByteBuffer.wrap(two), 0)).isEqualTo(text("a longer second message"));
    byte[] alone = serverSession.seal(text("third"), 5);
    assertThat(Arrays.copyOf(alone, LinkFormat.SEALED_HEADER_BYTES))
        .isEqualTo(Arrays.copyOf(one, LinkFormat.SEALED_HEADER_BYTES));
    assertThat(client.receive(ByteBuffer.wrap(alone), 0)).isEqualTo(text("third"));
  }

  private void isHello(byte[] datagram) {
    assertThat(datagram).hasSize(LinkFormat.HELLO_BYTES).startsWith(LinkFormat.HELLO);
    assertThat(Responder.cookieOf(datagram, 0, datagram.length)).isEqualTo(COOKIE);
  }

  private byte[] withCookie(Initiator client) throws RefusedDatagram {
    toServer.clear();
    client.receive(ByteBuffer.wrap(LinkFormat.retry(COOKIE)), 0);
    return toServer.removeLast();
  }

  private static void assertRefused(Initiator client, byte[] datagram, Reason reason) {
    assertRefusedAt(client, datagram, reason, 0);
  }

  private static void assertRefusedAt(Initiator client, byte[] datagram, Reason reason, long at) {
    assertThatThrownBy(() -> client.receive(ByteBuffer.wrap(datagram), at))
        .isInstanceOfSatisfying(
            RefusedDatagram.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  private static byte[] text(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] filled(int value) {
    byte[] bytes = new byte[LinkFormat.COOKIE_BYTES];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }
}
