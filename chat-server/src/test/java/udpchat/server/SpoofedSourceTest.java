package udpchat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.protocol.Drops;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Join;
import udpchat.protocol.Leave;
import udpchat.protocol.Ping;
import udpchat.protocol.Pong;
import udpchat.protocol.Retry;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;
import udpchat.secure.link.LinkFormat;
import udpchat.secure.noise.X25519;
import udpchat.server.door.FloodGate;
import udpchat.time.SettableClock;

/**
 * Forged source addresses against a real server. With root and python3, datagrams are sent with a
 * raw socket from any address, a member's exact address and port included ({@link Spoofer});
 * without, those tests are skipped, and the same checks from the attacker's own address run anyway.
 * The server's clock is set by the test, so expiry is decided at exact instants.
 */
@Timeout(120)
public class SpoofedSourceTest {

  static final long TIMEOUT_MS = 15_000;

  final SettableClock clock = new SettableClock(0);
  final Codec codec = new Codec();
  ChatServer server;
  InetSocketAddress address;
  RawPeer alice;
  String token;

  @BeforeEach
  void aliceJoinsAtTimeZero() throws Exception {
    server =
        new ChatServer(
                new ServerConfig(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    Duration.ofMillis(TIMEOUT_MS),
                    Duration.ofMillis(20)), // the sweeper reads the test's clock every 20 ms
                clock)
            .start();
    address = server.address();
    alice = new RawPeer("127.0.0.1", address);
    token = alice.join("alice").session();
    // Heard from at 5 s: her last authenticated datagram, answered.
    clock.set(5_000);
    alice.send(new Ping(token, 1));
    assertThat(alice.await(Pong.class)).isEqualTo(new Pong(1));
  }

  @AfterEach
  void stop() throws Exception {
    alice.close();
    server.close();
  }

  String forgedToken() {
    return (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
  }

  /** At the last instant alice is in the room, {@code attack} happens; she expires just after. */
  void aliceExpiresOnTimeDespite(Runnable attackCounted) throws Exception {
    clock.set(5_000 + TIMEOUT_MS); // silent exactly the timeout: not expired yet
    attackCounted.run();
    assertThat(server.members()).containsExactly("alice"); // a forged leave did nothing
    clock.set(5_000 + TIMEOUT_MS + 1);
    // Had anything forged counted as her heartbeat, she would stay until 5 s later.
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> server.members().isEmpty());
  }

  @Test
  void aForgedHeartbeatAndLeaveFromTheMembersExactAddressChangeNothing() throws Exception {
    assumeTrue(Spoofer.available(), "needs root and python3 to forge source addresses");
    InetSocketAddress hers = alice.address();
    aliceExpiresOnTimeDespite(
        () -> {
          try {
            Spoofer.send(
                List.of(
                    new Spoofer.Datagram(hers, address, codec.encode(new Ping(forgedToken(), 7))),
                    new Spoofer.Datagram(hers, address, codec.encode(new Leave(forgedToken()))),
                    // No token at all: it does not decode, and is dropped.
                    new Spoofer.Datagram(hers, address, "{\"v\":2,\"type\":\"leave\"}".getBytes()),
                    // Sealed-looking, under no key of hers: one MAC check, then dropped.
                    new Spoofer.Datagram(hers, address, forgedSealed(alice))));
            // Plaintext is no datagram of protocol 3: dropped before any JSON is read.
            Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(
                    () ->
                        server.drops().count(Drops.NOT_SEALED) == 3
                            && server.drops().count(Drops.BAD_SEAL)
                                    + server.drops().count(Drops.UNKNOWN_SESSION)
                                == 1);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
    System.out.printf(
        "spoofed: a forged ping, leave and token-less leave from alice's exact address %s;"
            + " drops %s; alice expired on time%n",
        hers, server.drops().snapshot());
  }

  @Test
  void joinsForgedWithTheMembersAddressSendHerOnlyAFewAnswers() throws Exception {
    assumeTrue(Spoofer.available(), "needs root and python3 to forge source addresses");
    InetSocketAddress hers = alice.address();
    alice.drain();
    List<Spoofer.Datagram> joins = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      Join join =
          new Join(i % 2 == 0 ? "alice" : "mallory" + i, String.format("c%021d", i), 1, null, null);
      joins.add(
          new Spoofer.Datagram(
              hers, address, codec.encode(i % 4 < 2 ? join : withBadCookie(join))));
    }
    long limitedBefore = server.drops().count(Drops.REPLY_LIMITED);
    Spoofer.send(joins);
    // Her ping comes after the forged joins on the server's socket: its answer comes after theirs.
    alice.send(new Ping(token, 2));
    List<ServerMessage> answers = new ArrayList<>();
    for (ServerMessage m = alice.receive(10_000); !(m instanceof Pong); m = alice.receive(10_000)) {
      assertThat(m).as("an answer before her pong").isNotNull();
      answers.add(m);
    }
    // Plaintext joins are no datagrams of protocol 3: dropped unread, none answered to her.
    assertThat(answers).noneMatch(m -> m instanceof Retry || m instanceof ErrorReply);
    assertThat(server.members()).containsExactly("alice");
    System.out.printf(
        "spoofed: 500 joins from alice's exact address %s: %d answers reached her, %d held back%n",
        hers, answers.size(), server.drops().count(Drops.REPLY_LIMITED) - limitedBefore);
  }

  static Join withBadCookie(Join join) {
    return join.withCookie("AAAAAAAAAAAAAAAAAAAAAA");
  }

  @Test
  void theMembersTokenFromAnotherAddressChangesNothing() throws Exception {
    // No spoofing needed: mallory saw alice's token and sends it from her own socket.
    try (RawPeer mallory = new RawPeer("127.0.0.66", address)) {
      aliceExpiresOnTimeDespite(
          () -> {
            try {
              mallory.linked(); // a session of her own, at the attack's time
              mallory.send(new Ping(token, 8));
              mallory.send(new Leave(token));
              Awaitility.await()
                  .atMost(Duration.ofSeconds(10))
                  .until(() -> server.drops().count(Drops.NOT_JOINED) == 2);
              assertThat(mallory.await(Retry.class)).isNotNull(); // to mallory, not to alice
            } catch (Exception e) {
              throw new AssertionError(e);
            }
          });
    }
  }

  @Test
  void aWrongTokenFromTheMembersOwnSocketChangesNothing() throws Exception {
    aliceExpiresOnTimeDespite(
        () -> {
          try {
            alice.send(new Ping(forgedToken(), 9));
            alice.send(new Leave(forgedToken()));
            Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> server.drops().count(Drops.FORGED_SESSION) == 2);
          } catch (Exception e) {
            throw new AssertionError(e);
          }
        });
  }

  @Test
  void thousandsOfJoinsFromForgedAddressesAddNobodyAndCostBoundedMemory() throws Exception {
    assumeTrue(Spoofer.available(), "needs root and python3 to forge source addresses");
    // More sources than the flood gate remembers. The server's clock stands still here, so the
    // reply budget shows at its burst: 1000 retries, the rest dropped unsent.
    int forged = 6000;
    Random random = new Random(7);
    List<Spoofer.Datagram> joins = new ArrayList<>();
    long bytes = 0;
    for (int i = 0; i < forged; i++) {
      InetSocketAddress from =
          new InetSocketAddress(
              InetAddress.getByAddress(
                  new byte[] {127, 4, (byte) (i >> 8), (byte) (1 + (i & 0xff) % 254)}),
              1024 + random.nextInt(60_000));
      // Hellos; half guess a cookie: 128 bits are not guessed.
      byte[] datagram = hello(i % 2 == 0 ? new byte[16] : randomCookie(random));
      joins.add(new Spoofer.Datagram(from, address, datagram));
      bytes += datagram.length;
    }
    long repliesBefore = server.strangerReplies();
    // In steps the server's socket buffer holds, each accounted for before the next: a busy
    // machine would otherwise drop some in the kernel, and the test could not tell where they went.
    for (int sent = 0; sent < forged; ) {
      List<Spoofer.Datagram> step = joins.subList(sent, Math.min(forged, sent + 500));
      Spoofer.send(step);
      sent += step.size();
      long expected = sent;
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  server.strangerReplies()
                          - repliesBefore
                          + server.drops().count(Drops.REPLY_LIMITED)
                          + server.drops().count(Drops.RATE_LIMITED)
                      == expected);
    }
    long replies = server.strangerReplies() - repliesBefore;
    System.out.printf(
        "spoofed joins: %d from %d forged sources (%d bytes): %d retries sent (%d bytes) to"
            + " addresses that never read them, %d over the reply budget, %d over the rate; members %s;"
            + " sources with a bucket %d (at most %d), datagrams held to the shared bucket %d%n",
        forged,
        forged,
        bytes,
        replies,
        server.strangerReplyBytes(),
        server.drops().count(Drops.REPLY_LIMITED),
        server.drops().count(Drops.RATE_LIMITED),
        server.members(),
        server.rateLimitedSources(),
        FloodGate.SOURCES,
        server.rateLimitOverflow());
    assertThat(server.members()).containsExactly("alice");
    assertThat(server.rateLimitedSources()).isEqualTo(FloodGate.SOURCES);
    // Past the gate's places, the forged sources shared one bucket instead of a fresh one each.
    assertThat(server.rateLimitOverflow()).isPositive();
    assertThat(server.strangerReplyBytes()).isLessThan(bytes);
  }

  static byte[] randomCookie(Random random) {
    byte[] bits = new byte[16];
    random.nextBytes(bits);
    return bits;
  }

  /** A hello as a client's first datagram is, with {@code cookie}: 1200 bytes. */
  static byte[] hello(byte[] cookie) {
    byte[] hello = new byte[LinkFormat.HELLO_BYTES];
    hello[0] = LinkFormat.HELLO;
    hello[1] = LinkFormat.VERSION;
    System.arraycopy(cookie, 0, hello, 2, cookie.length);
    byte[] ephemeral = X25519.generate().publicKey();
    System.arraycopy(ephemeral, 0, hello, 18, ephemeral.length);
    return hello;
  }

  /** A datagram that looks sealed under a session of {@code peer}'s address, and is not. */
  static byte[] forgedSealed(RawPeer peer) {
    byte[] forged = new byte[80];
    new Random(11).nextBytes(forged);
    forged[0] = LinkFormat.SEALED;
    return forged;
  }

  @Test
  void aMembersRetransmittedJoinNeedsNoCookieAndChangesNothing() throws Exception {
    // A join carries no token: from alice's address it gets her welcome again, and no more.
    clock.set(5_000 + TIMEOUT_MS);
    alice.send(new Join("alice", ClientIds.of("alice"), 1, null));
    assertThat(alice.await(Welcome.class).session()).isEqualTo(token);
    clock.set(5_000 + TIMEOUT_MS + 1);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> server.members().isEmpty());
  }
}
