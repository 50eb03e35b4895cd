package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static udpchat.client.TestUser.message;
import static udpchat.client.TestUser.notice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.client.session.Session;
import udpchat.client.view.Event;
import udpchat.protocol.Batch;
import udpchat.protocol.Chat;
import udpchat.protocol.Drops;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Lost;
import udpchat.protocol.Members;
import udpchat.protocol.Notice;
import udpchat.protocol.Pong;
import udpchat.protocol.Posted;
import udpchat.protocol.Presence;
import udpchat.protocol.Private;
import udpchat.protocol.Retry;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;
import udpchat.secure.link.LinkFormat;
import udpchat.server.ChatServer;

/**
 * Datagrams forged with the server's source address, as the client sees it: alice talks to the
 * server through a relay, so the relay's address is "the server" to her and {@link
 * CapturingRelay#sendAsServer} forges from exactly that address (what raw sockets do on a LAN, here
 * without needing root). Every server message type, as plain JSON and in a sealed datagram's
 * clothes under her real session's key id, is dropped before it is read and counted; nothing
 * changes: no forged line shown, no rejoin, no shutdown, her place in the room's stream kept, so
 * real lines still arrive after them. A flood of forged link retries makes her send a few hellos,
 * never one per retry, and the chat goes on.
 */
@Timeout(90)
public class ForgedServerDatagramsTest {

  final Codec codec = new Codec();
  ChatServer server;
  CapturingRelay relay;
  TestUser alice;
  TestUser bob;

  @BeforeEach
  void start() throws Exception {
    server = TestServers.start(Duration.ofSeconds(15), Duration.ofSeconds(1));
    relay = new CapturingRelay(TestServers.addressOf(server));
    alice = TestUser.joined(relay.address(), "alice");
    bob = TestUser.joined(TestServers.addressOf(server), "bob");
    bob.type("first");
    alice.await(message("bob", "first"));
  }

  @AfterEach
  void stop() throws Exception {
    alice.close();
    bob.close();
    relay.close();
    server.close();
  }

  /** One of each message the server sends, each saying something alice must never act on. */
  static List<ServerMessage> forgeries() {
    long now = System.currentTimeMillis();
    Chat chat = new Chat(1000, 999L, now, "bob", "forged chat", false, null, null);
    return List.of(
        new Welcome("FORGEDFORGEDFORGEDFORG", "mallory", 100, 300, 1, 7, 1, 1000),
        new Pong(1),
        chat,
        new Private(1001, 1000L, now, "bob", "alice", "forged whisper"),
        Notice.posted(1002, now, Notice.Kind.EXPIRED, "alice", 1),
        Notice.posted(1003, now, Notice.Kind.SHUTDOWN, "bob", 1),
        new Members(1, List.of("mallory")),
        new ErrorReply(ErrorReply.MALFORMED, "forged error", 0, null),
        new Posted(1, 1004),
        new Lost(2, 1005, 1000),
        new Presence("bob", Presence.AWAY, "forged presence", null),
        new Retry("FORGEDFORGEDFORGEDFORG"), // "the server does not know you": a rejoin
        new Batch(
            List.of(new Chat(1006, 1005L, now, "bob", "forged in a batch", false, null, null))));
  }

  /** {@code json} as a sealed datagram under {@code keyId}, with an unused counter and no tag. */
  static byte[] sealedLookalike(byte[] keyId, byte[] json) {
    byte[] datagram = new byte[LinkFormat.SEALED_OVERHEAD + json.length];
    datagram[0] = LinkFormat.SEALED;
    System.arraycopy(keyId, 0, datagram, 1, keyId.length);
    datagram[6] = 1; // a counter far ahead of any used: the tag, not the replay window, refuses it
    System.arraycopy(json, 0, datagram, 13, json.length);
    return datagram;
  }

  /** The key id of alice's session, as the server writes it on what it seals to her. */
  byte[] aliceKeyId() {
    return relay.captured().stream()
        .filter(c -> !c.toServer() && c.bytes()[0] == LinkFormat.SEALED)
        .map(c -> Arrays.copyOfRange(c.bytes(), 1, 5))
        .reduce((first, second) -> second)
        .orElseThrow();
  }

  @Test
  void forgedDatagramsOfEveryTypeAreDroppedAndCountedAndChangeNothing() throws Exception {
    List<ServerMessage> forgeries = forgeries();
    byte[] keyId = aliceKeyId();
    for (ServerMessage forged : forgeries) {
      byte[] json = codec.encode(forged);
      relay.sendAsServer(json);
      relay.sendAsServer(sealedLookalike(keyId, json));
    }
    await()
        .atMost(TestUser.PATIENCE)
        .untilAsserted(
            () ->
                assertThat(alice.drops().snapshot())
                    .containsEntry(Drops.NOT_SEALED, (long) forgeries.size())
                    .containsEntry(Drops.BAD_SEAL, (long) forgeries.size()));

    for (int i = 1; i <= 5; i++) {
      bob.type("real " + i);
    }
    for (int i = 1; i <= 5; i++) {
      alice.await(message("bob", "real " + i));
    }
    alice.type("still me");
    bob.await(message("alice", "still me"));

    assertThat(alice.events()).noneMatch(e -> e.text() != null && e.text().contains("forged"));
    assertThat(alice.events())
        .noneMatch(
            e ->
                e.text() != null
                    && (e.text().contains("mallory")
                        || e.text().contains("does not know this session")
                        || e.text().contains("rejoin")
                        || e.text().contains("shut")
                        || e.text().contains("expired")
                        || e.text().contains("missed")));
    assertThat(alice.session().state()).isEqualTo(Session.State.JOINED);
    assertThat(server.members()).containsExactlyInAnyOrder("alice", "bob");

    // What the user is shown of it: the counts, by reason.
    alice.type("/stats");
    Event stats = alice.await(notice("dropped from the server's address: "));
    assertThat(stats.text())
        .contains("bad-seal " + forgeries.size(), "not-sealed " + forgeries.size());
    alice.await(notice("handshakes: 1;"));
  }

  @Test
  void aFloodOfForgedLinkRetriesDoesNotBreakTheSession() throws Exception {
    Random random = new Random(7);
    int hellosBefore = hellos();
    long startedNanos = System.nanoTime();
    List<String> said = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      byte[] cookie = new byte[LinkFormat.COOKIE_BYTES];
      random.nextBytes(cookie);
      relay.sendAsServer(LinkFormat.retry(cookie));
      if (i % 300 == 0) {
        String line = "during the flood " + i;
        bob.type(line);
        said.add(line);
      }
      if (i % 100 == 0) {
        Thread.sleep(5); // paced, so the kernel's buffer drops none of the real datagrams
      }
    }
    long floodMs = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    for (String line : said) {
      alice.await(message("bob", line));
    }
    alice.type("after the flood");
    bob.await(message("alice", "after the flood"));

    // A retry is not authenticated: answered at most every quarter second, never one each.
    int sent = hellos() - hellosBefore;
    assertThat(sent).isLessThanOrEqualTo((int) (floodMs / 250) + 6);
    assertThat(alice.session().state()).isEqualTo(Session.State.JOINED);
    assertThat(server.members()).containsExactlyInAnyOrder("alice", "bob");
  }

  private int hellos() {
    return (int)
        relay.captured().stream()
            .filter(c -> c.toServer() && c.bytes()[0] == LinkFormat.HELLO)
            .count();
  }
}
