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
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.client.view.Event;
import udpchat.crypto.DatagramSeal;
import udpchat.crypto.Flow;
import udpchat.crypto.RoomKey;
import udpchat.crypto.SealException;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.Drops;
import udpchat.protocol.Message;
import udpchat.protocol.Posted;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.Retry;
import udpchat.protocol.Say;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.json.Codec;
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

  @Test
  void aTamperedDatagramIsDroppedAndCountedEvenFromTheMembersOwnAddress() throws Exception {
    CapturingRelay relay = keep(new CapturingRelay(address));
    TestUser alice = member(relay.address(), "alice");
    TestUser bob = member(address, "bob");
    alice.type("the original");
    bob.await(message("alice", "the original"));
    byte[] say = capturedSay(relay, "the original");

    // Nothing on the wire reads as what was said, or who said it.
    for (CapturingRelay.Captured datagram : relay.captured()) {
      String wire = new String(datagram.bytes(), StandardCharsets.ISO_8859_1);
      assertThat(wire).doesNotContain("the original").doesNotContain("alice");
    }

    long before = server.drops().count(Drops.BAD_SEAL);
    int[] flips = {5, 20, say.length / 2, say.length - 1}; // nonce, contents, contents, tag
    try (DatagramSocket stranger = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      for (int at : flips) {
        byte[] altered = say.clone();
        altered[at] ^= 0x01;
        relay.sendAsClient(altered); // from alice's address as the server knows it
        stranger.send(new DatagramPacket(altered, altered.length, address));
      }
    }
    await()
        .atMost(TestUser.PATIENCE)
        .until(() -> server.drops().count(Drops.BAD_SEAL) == before + 2L * flips.length);

    alice.type("and after");
    bob.await(message("alice", "and after"));
    assertThat(bob.events()).filteredOn(message("alice", "the original")).hasSize(1);
    assertThat(server.members()).containsExactly("alice", "bob");
  }

  @Test
  void aReplayedDatagramIsDroppedAndPostsNothingTwice() throws Exception {
    CapturingRelay relay = keep(new CapturingRelay(address));
    TestUser alice = member(relay.address(), "alice");
    TestUser bob = member(address, "bob");
    alice.type("only once");
    bob.await(message("alice", "only once"));
    byte[] say = capturedSay(relay, "only once");
    long n = ((Say) openToServer(say).orElseThrow()).n();

    // From the member's own address: the seal has seen its nonce, so it is dropped before it is
    // read; the room never hears of it.
    long replayed = server.drops().count(Drops.REPLAYED);
    for (int i = 0; i < 3; i++) {
      relay.sendAsClient(say);
    }
    await()
        .atMost(TestUser.PATIENCE)
        .until(() -> server.drops().count(Drops.REPLAYED) == replayed + 3);
    assertThat(postedAnswers(relay, n)).isEqualTo(1); // the original's only

    // What the server sent alice, sent to her again: every copy dropped before it is read.
    List<byte[]> toAlice =
        relay.captured().stream()
            .filter(captured -> !captured.toServer())
            .map(CapturingRelay.Captured::bytes)
            .toList();
    long replayedAtAlice = alice.drops().count(Drops.REPLAYED);
    for (byte[] datagram : toAlice) {
      relay.sendAsServer(datagram);
    }
    await()
        .atMost(TestUser.PATIENCE)
        .until(() -> alice.drops().count(Drops.REPLAYED) == replayedAtAlice + toAlice.size());
    // From another address, the datagram is that address's first: not a member there, told to
    // join; the answer is sealed, so the replayer reads nothing.
    try (DatagramSocket stranger = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      stranger.setSoTimeout(10_000);
      long notJoined = server.drops().count(Drops.NOT_JOINED);
      stranger.send(new DatagramPacket(say, say.length, address));
      DatagramPacket answer = new DatagramPacket(new byte[2048], 2048);
      stranger.receive(answer);
      assertThat(server.drops().count(Drops.NOT_JOINED)).isEqualTo(notJoined + 1);
      ByteBuffer contents =
          keyHolder.open(Flow.TO_CLIENT, ByteBuffer.wrap(answer.getData(), 0, answer.getLength()));
      ServerMessage reply = codec.decode(contents.array(), contents.limit(), ServerMessage.class);
      assertThat(reply).isInstanceOf(Retry.class); // what a non-member hears: join first
    }

    alice.type("the end");
    bob.await(message("alice", "the end"));
    assertThat(bob.events()).filteredOn(message("alice", "only once")).hasSize(1);
    assertThat(alice.events()).filteredOn(message("alice", "only once")).hasSize(1);
  }

  /** The sealed say that alice sent with {@code text}, as captured on the wire. */
  private byte[] capturedSay(CapturingRelay relay, String text) {
    return relay.captured().stream()
        .filter(CapturingRelay.Captured::toServer)
        .map(CapturingRelay.Captured::bytes)
        .filter(
            bytes ->
                openToServer(bytes)
                    .filter(m -> m instanceof Say say && say.text().equals(text))
                    .isPresent())
        .findFirst()
        .orElseThrow();
  }

  /** How many posted answers for message {@code n} went back through the relay. */
  private long postedAnswers(CapturingRelay relay, long n) {
    return relay.captured().stream()
        .filter(c -> !c.toServer())
        .map(c -> open(Flow.TO_CLIENT, c.bytes(), ServerMessage.class))
        .filter(m -> m.isPresent() && m.get() instanceof Posted posted && posted.n() == n)
        .count();
  }

  private Optional<ClientMessage> openToServer(byte[] bytes) {
    return open(Flow.TO_SERVER, bytes, ClientMessage.class);
  }

  private <T extends Message> Optional<T> open(Flow flow, byte[] bytes, Class<T> type) {
    try {
      ByteBuffer contents = keyHolder.open(flow, ByteBuffer.wrap(bytes));
      return Optional.of(codec.decode(contents.array(), contents.limit(), type));
    } catch (SealException | ProtocolException e) {
      return Optional.empty();
    }
  }
}
