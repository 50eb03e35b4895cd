package udpchat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.protocol.Drops;
import udpchat.secure.link.LinkFormat;
import udpchat.secure.noise.X25519;
import udpchat.server.door.FloodGate;

/**
 * Amplification, measured: hundreds of sources on their own 127.x addresses send a real server
 * hellos (without a cookie, with a wrong one, not padded), sealed-looking datagrams without a
 * session and garbage, never completing a handshake. The test counts every byte they sent and every
 * byte that came back.
 */
@Timeout(120)
public class AmplificationTest {

  static final int SOURCES = 240;
  static final int EACH = 4;
  static final String SESSION = "AAAAAAAAAAAAAAAAAAAAAA";

  ChatServer server;
  InetSocketAddress address;
  final List<RawPeer> peers = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server =
        new ChatServer(
                new ServerConfig(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    Duration.ofSeconds(15),
                    Duration.ofSeconds(1)),
                Clock.systemUTC())
            .start();
    address = server.address();
  }

  @AfterEach
  void stop() throws Exception {
    peers.forEach(RawPeer::close);
    server.close();
  }

  @Test
  void unvalidatedSourcesGetFewerBytesThanTheySendAndNobodyGetsIn() throws Exception {
    Random random = new Random(6);
    int answerable = 0; // hellos without a valid cookie, sealed datagrams without a session
    int unread = 0; // short hellos and garbage
    for (int i = 0; i < SOURCES; i++) {
      RawPeer peer = new RawPeer("127.3." + (i / 250) + "." + (1 + i % 250), address);
      peers.add(peer);
      for (int k = 0; k < EACH; k++) {
        switch (i % 6) {
          case 0 -> peer.sendRaw(hello(new byte[16], LinkFormat.HELLO_BYTES));
          case 1 -> peer.sendRaw(hello(randomCookie(random), LinkFormat.HELLO_BYTES));
          case 2 -> peer.sendRaw(hello(new byte[16], 200)); // a hello that is not padded
          case 3 -> peer.sendRaw(sealedLooking(random, 40 + random.nextInt(60)));
          case 4 -> peer.sendRaw(sealedLooking(random, LinkFormat.SEALED_OVERHEAD)); // smallest
          default -> {
            byte[] junk = new byte[1 + random.nextInt(1500)];
            random.nextBytes(junk);
            junk[0] = (byte) '{'; // never a datagram of protocol 3
            peer.sendRaw(junk);
          }
        }
      }
      switch (i % 6) {
        case 2, 5 -> unread += EACH;
        default -> answerable += EACH;
      }
    }
    int expectedUnread = unread;
    int expectedAnswered = answerable;
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        List.of(
                            server.drops().count(Drops.NOT_SEALED)
                                + server.drops().count("oversize"),
                            server.strangerReplies() + server.drops().count(Drops.REPLY_LIMITED)))
                    .as("unread, answered or held back; drops %s", server.drops().snapshot())
                    .containsExactly((long) expectedUnread, (long) expectedAnswered));
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> drainAll() == server.strangerReplies());

    long sentBytes = peers.stream().mapToLong(p -> p.bytesSent).sum();
    long sentDatagrams = peers.stream().mapToLong(p -> p.datagramsSent).sum();
    long receivedBytes = peers.stream().mapToLong(p -> p.bytesReceived).sum();
    long receivedDatagrams = peers.stream().mapToLong(p -> p.datagramsReceived).sum();
    double worst =
        peers.stream().mapToDouble(p -> (double) p.bytesReceived / p.bytesSent).max().orElse(0);
    System.out.printf("amplification: worst source %.3f (bytes back per byte sent)%n", worst);
    System.out.printf(
        "amplification: %d sources sent %d datagrams, %d bytes; got back %d datagrams, %d bytes:"
            + " ratio %.3f (bytes), %.3f (datagrams); drops %s; sources with a bucket %d%n",
        SOURCES,
        sentDatagrams,
        sentBytes,
        receivedDatagrams,
        receivedBytes,
        (double) receivedBytes / sentBytes,
        (double) receivedDatagrams / sentDatagrams,
        server.drops().snapshot(),
        server.rateLimitedSources());

    assertThat(receivedBytes).isPositive().isLessThanOrEqualTo(sentBytes);
    assertThat(worst).isLessThan(1);
    assertThat(server.strangerReplyBytes()).isEqualTo(receivedBytes);
    for (RawPeer peer : peers) {
      // Never a reply larger than the smallest datagram that source sent, nor more replies.
      assertThat(peer.largestReceived).isLessThanOrEqualTo(peer.smallestSent);
      assertThat(peer.datagramsReceived).isLessThanOrEqualTo(peer.datagramsSent);
    }
    assertThat(server.members()).isEmpty();
    assertThat(server.rateLimitedSources()).isLessThanOrEqualTo(FloodGate.SOURCES);

    // The door still opens for whoever reads its cookie.
    try (RawPeer alice = new RawPeer("127.0.0.1", address)) {
      assertThat(alice.join("alice").name()).isEqualTo("alice");
    }
    assertThat(server.members()).containsExactly("alice");
  }

  /** A hello of {@code length} bytes with {@code cookie}, as a client's first datagram. */
  static byte[] hello(byte[] cookie, int length) {
    byte[] hello = new byte[length];
    hello[0] = LinkFormat.HELLO;
    hello[1] = LinkFormat.VERSION;
    System.arraycopy(cookie, 0, hello, 2, cookie.length);
    System.arraycopy(X25519.generate().publicKey(), 0, hello, 18, 32);
    return hello;
  }

  static byte[] randomCookie(Random random) {
    byte[] cookie = new byte[16];
    random.nextBytes(cookie);
    return cookie;
  }

  /** A datagram that looks sealed, from an address that holds no session. */
  static byte[] sealedLooking(Random random, int length) {
    byte[] datagram = new byte[length];
    random.nextBytes(datagram);
    datagram[0] = LinkFormat.SEALED;
    return datagram;
  }

  /** A join as a client that ignores the padding rule would send it. */
  static byte[] unpaddedJoin(int i, String client) {
    return ("{\"v\":2,\"type\":\"join\",\"name\":\"mallory"
            + i
            + "\",\"client\":\""
            + client
            + "\",\"next\":1}")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Datagrams dropped because they did not decode (whatever the reason's name). */
  static long undecodable(Map<String, Long> drops) {
    Set<String> others =
        Set.of(
            Drops.SHORT_JOIN,
            Drops.NOT_JOINED,
            Drops.REPLY_LIMITED,
            Drops.WOULD_AMPLIFY,
            Drops.RATE_LIMITED,
            Drops.FORGED_SESSION);
    return drops.entrySet().stream()
        .filter(e -> !others.contains(e.getKey()))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** Reads what waits on every source's socket; the datagrams received so far in all. */
  long drainAll() throws Exception {
    long received = 0;
    for (RawPeer peer : peers) {
      peer.drainUnread();
      received += peer.datagramsReceived;
    }
    return received;
  }
}
