package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static udpchat.client.TestUser.message;
import static udpchat.client.TestUser.notice;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.client.view.Event;
import udpchat.crypto.DatagramSeal;
import udpchat.crypto.Flow;
import udpchat.crypto.RoomKey;
import udpchat.protocol.Drops;
import udpchat.protocol.json.Codec;
import udpchat.secure.link.LinkFormat;
import udpchat.server.ChatServer;
import udpchat.server.ServerConfig;

/**
 * A private room (--room-key) on real sockets: its members chat; a client with another key or none
 * is never answered and is told why it may be; a datagram captured on the wire reads as nothing,
 * altered does not open (dropped and counted), and a replay is dropped and counted.
 */
@Timeout(90)
public class PrivateRoomTest {

  // Derived once for the class: a derivation costs a fraction of a second, by design.
  static final RoomKey KEY = RoomKey.derive("the kitchen table at noon");
  static final RoomKey WRONG_KEY = RoomKey.derive("the kitchen table at one");

  final Codec codec = new Codec();
  final DatagramSeal keyHolder = DatagramSeal.of(KEY); // the test reads the wire as a member can
  ChatServer server;
  InetSocketAddress address;
  final Deque<AutoCloseable> open = new ArrayDeque<>();

  @BeforeEach
  void startPrivateRoom() throws Exception {
    server =
        new ChatServer(
                new ServerConfig(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                        Duration.ofSeconds(15),
                        Duration.ofSeconds(1))
                    .withRoomKey(KEY),
                Clock.systemUTC())
            .start();
    address = TestServers.addressOf(server);
  }

  @AfterEach
  void stop() throws Exception {
    while (!open.isEmpty()) {
      open.pop().close(); // the last opened first
    }
    server.close();
  }

  <T extends AutoCloseable> T keep(T closeable) {
    open.push(closeable);
    return closeable;
  }

  TestUser member(InetSocketAddress via, String name) throws Exception {
    return keep(TestUser.joined(new ClientConfig(via, name, null).withRoomKey(KEY)));
  }

  @Test
  void membersWithTheKeyChatAsInAnOpenRoom() throws Exception {
    TestUser alice = member(address, "alice");
    TestUser bob = member(address, "bob");

    alice.type("hello, private room");
    bob.await(message("alice", "hello, private room"));
    bob.type("/msg alice psst");
    alice.await(e -> e.kind() == Event.Kind.PRIVATE && e.text().equals("psst"));
    bob.type("/who");
    bob.await(notice("members (2): alice, bob"));

    assertThat(server.drops().count(Drops.BAD_SEAL)).isZero();
  }

  @Test
  void aClientWithAnotherKeyIsNeverAnsweredAndIsToldTheKeyMayBeWrong() throws Exception {
    TestUser mallory =
        keep(TestUser.started(new ClientConfig(address, "mallory", null).withRoomKey(WRONG_KEY)));

    mallory.await(notice("wrong room key?"));
    // Three joins: the third may still be on its way to the server when the client says so.
    await().atMost(TestUser.PATIENCE).until(() -> server.drops().count(Drops.BAD_SEAL) >= 3);
    assertThat(server.members()).isEmpty();
    // Nothing came back at all: an answer sealed with the room's key would be counted here.
    assertThat(mallory.drops().snapshot()).isEmpty();
    assertThat(mallory.events()).noneMatch(e -> e.text() != null && e.text().contains("joined "));
  }

  @Test
  void aClientWithoutTheKeyIsNeverAnsweredAndIsToldTheRoomMayBePrivate() throws Exception {
    TestUser mallory = keep(TestUser.started(new ClientConfig(address, "mallory", null)));

    mallory.await(notice("a private room answers only clients with its key: --room-key-file"));
    await().atMost(TestUser.PATIENCE).until(() -> server.drops().count(Drops.BAD_SEAL) >= 3);
    assertThat(server.members()).isEmpty();
    assertThat(mallory.drops().snapshot()).isEmpty();
  }

  /** Longer than any ack or ping, so its datagram is the largest alice seals after it. */
  static final String ORIGINAL = "the original, a line longer than any ack or ping alice sends";

  @Test
  void aTamperedDatagramIsDroppedAndCountedEvenFromTheMembersOwnAddress() throws Exception {
    CapturingRelay relay = keep(new CapturingRelay(address));
    TestUser alice = member(relay.address(), "alice");
    TestUser bob = member(address, "bob");
    int before = relay.captured().size();
    alice.type(ORIGINAL);
    bob.await(message("alice", ORIGINAL));
    byte[] say = sealedSay(relay, before);

    // Nothing on the wire reads as what was said, or who said it.
    for (CapturingRelay.Captured datagram : relay.captured()) {
      String wire = new String(datagram.bytes(), StandardCharsets.ISO_8859_1);
      assertThat(wire).doesNotContain("the original").doesNotContain("alice");
    }

    long badSeals = server.drops().count(Drops.BAD_SEAL);
    long noSession = server.drops().count(Drops.NO_SESSION);
    // Each with its counter moved to one never used (a seen counter is dropped as a replay
    // before the tag is checked), and then one more bit flipped: contents, contents, tag.
    int counterByte = 6;
    int[] flips = {counterByte, 20, say.length / 2, say.length - 1};
    try (DatagramSocket stranger = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      for (int at : flips) {
        byte[] altered = say.clone();
        altered[counterByte] ^= 0x01;
        if (at != counterByte) {
          altered[at] ^= 0x01;
        }
        relay.sendAsClient(altered); // from alice's address as the server knows it
        stranger.send(new DatagramPacket(altered, altered.length, address));
      }
    }
    // From alice's address it does not open under her session; from another, there is none.
    await()
        .atMost(TestUser.PATIENCE)
        .untilAsserted(
            () ->
                assertThat(
                        new long[] {
                          server.drops().count(Drops.BAD_SEAL),
                          server.drops().count(Drops.NO_SESSION)
                        })
                    .as("%s", server.drops().snapshot())
                    .containsExactly(badSeals + flips.length, noSession + flips.length));

    alice.type("and after");
    bob.await(message("alice", "and after"));
    assertThat(bob.events()).filteredOn(message("alice", ORIGINAL)).hasSize(1);
    assertThat(server.members()).containsExactly("alice", "bob");
  }

  @Test
  void aReplayedDatagramIsDroppedAndPostsNothingTwice() throws Exception {
    CapturingRelay relay = keep(new CapturingRelay(address));
    TestUser alice = member(relay.address(), "alice");
    TestUser bob = member(address, "bob");
    int before = relay.captured().size();
    alice.type(ORIGINAL);
    bob.await(message("alice", ORIGINAL));
    byte[] say = sealedSay(relay, before);

    // From the member's own address: her session has seen its counter, so it is dropped before
    // it is read; the room never hears of it.
    long replayed = server.drops().count(Drops.REPLAYED);
    for (int i = 0; i < 3; i++) {
      relay.sendAsClient(say);
    }
    await()
        .atMost(TestUser.PATIENCE)
        .until(() -> server.drops().count(Drops.REPLAYED) == replayed + 3);

    // What the server sealed to alice, sent to her again: every copy dropped before it is read.
    List<byte[]> toAlice =
        relay.captured().stream()
            .filter(captured -> !captured.toServer())
            .map(CapturingRelay.Captured::bytes)
            .filter(bytes -> bytes[0] == LinkFormat.SEALED)
            .toList();
    long refusedAtAlice = replayedOrOld(alice);
    for (byte[] datagram : toAlice) {
      relay.sendAsServer(datagram);
    }
    await()
        .atMost(TestUser.PATIENCE)
        .until(() -> replayedOrOld(alice) == refusedAtAlice + toAlice.size());
    // From another address, the datagram names no session there: the server answers with the
    // link's retry (in the room's seal, like the whole handshake), and the replayer reads nothing.
    try (DatagramSocket stranger = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      stranger.setSoTimeout(10_000);
      long noSession = server.drops().count(Drops.NO_SESSION);
      stranger.send(new DatagramPacket(say, say.length, address));
      DatagramPacket answer = new DatagramPacket(new byte[2048], 2048);
      stranger.receive(answer);
      assertThat(server.drops().count(Drops.NO_SESSION)).isEqualTo(noSession + 1);
      ByteBuffer contents =
          keyHolder.open(Flow.TO_CLIENT, ByteBuffer.wrap(answer.getData(), 0, answer.getLength()));
      assertThat(contents.remaining()).isEqualTo(LinkFormat.RETRY_BYTES);
      assertThat(contents.get(contents.position())).isEqualTo(LinkFormat.RETRY);
    }

    alice.type("the end");
    bob.await(message("alice", "the end"));
    assertThat(bob.events()).filteredOn(message("alice", ORIGINAL)).hasSize(1);
    assertThat(alice.events()).filteredOn(message("alice", ORIGINAL)).hasSize(1);
  }

  private static long replayedOrOld(TestUser user) {
    return user.drops().count(Drops.REPLAYED) + user.drops().count(Drops.TOO_OLD);
  }

  /**
   * The datagram that carried alice's line: of what she sealed after the first {@code from}
   * captured, the largest (no one outside her session can open it to look).
   */
  private static byte[] sealedSay(CapturingRelay relay, int from) {
    List<CapturingRelay.Captured> all = relay.captured();
    return all.subList(from, all.size()).stream()
        .filter(CapturingRelay.Captured::toServer)
        .map(CapturingRelay.Captured::bytes)
        .filter(bytes -> bytes[0] == LinkFormat.SEALED)
        .max(Comparator.comparingInt(bytes -> bytes.length))
        .orElseThrow();
  }
}
