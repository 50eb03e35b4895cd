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
import udpchat.protocol.Join;
import udpchat.protocol.Ping;
import udpchat.protocol.Who;
import udpchat.server.door.FloodGate;

/**
 * Amplification, measured: hundreds of sources on their own 127.x addresses send a real server
 * joins (padded, short, with a wrong cookie), session requests and garbage, never completing a
 * join. The test counts every byte they sent and every byte that came back.
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
    int shortJoins = 0;
    int garbage = 0;
    int answerable = 0; // joins without a valid cookie and session requests: retries are due
    for (int i = 0; i < SOURCES; i++) {
      RawPeer peer = new RawPeer("127.3." + (i / 250) + "." + (1 + i % 250), address);
      peers.add(peer);
      String client = ClientIds.of("source" + i);
      for (int k = 0; k < EACH; k++) {
        switch (i % 6) {
          case 0 -> peer.send(new Join("mallory" + i, client, 1, null));
          case 1 -> peer.send(new Join("mallory" + i, client, 1, null, "f0rgedC00kieXXXXXXXXXX"));
          case 2 -> peer.send(unpaddedJoin(i, client));
          case 3 -> peer.send(new Ping(SESSION, k));
          case 4 -> peer.send(new Who(SESSION, k)); // the smallest request there is: 62 bytes
          default -> {
            byte[] junk = new byte[1 + random.nextInt(1500)];
            random.nextBytes(junk);
            peer.send(junk);
          }
        }
      }
      switch (i % 6) {
        case 2 -> shortJoins += EACH;
        case 5 -> garbage += EACH;
        default -> answerable += EACH;
      }
    }
    int expectedShort = shortJoins;
    int expectedGarbage = garbage;
    int expectedAnswered = answerable;
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                server.drops().count(Drops.SHORT_JOIN) == expectedShort
                    && undecodable(server.drops().snapshot()) == expectedGarbage
                    && server.strangerReplies() + server.drops().count(Drops.REPLY_LIMITED)
                        == expectedAnswered);
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
      peer.drain();
      received += peer.datagramsReceived;
    }
    return received;
  }
}
