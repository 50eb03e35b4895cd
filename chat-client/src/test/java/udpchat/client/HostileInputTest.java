package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.client.TestUser.message;

import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.protocol.Drops;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Join;
import udpchat.protocol.Retry;
import udpchat.protocol.Say;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;
import udpchat.secure.link.LinkSocket;
import udpchat.server.ChatServer;

/**
 * Garbage and forgeries sent at a real server: dropped, counted, and the room goes on. Raw garbage
 * never gets past the link (not a datagram of protocol 3); invalid JSON is sent through an
 * attacker's own authenticated session (an attacker can always hold one), so the JSON checks behind
 * the link are tested too.
 */
@Timeout(60)
public class HostileInputTest {

  ChatServer server;
  InetSocketAddress address;
  TestUser alice;
  TestUser bob;
  LinkSocket attacker;
  final Codec codec = new Codec();

  @BeforeEach
  void start() throws Exception {
    server = TestServers.start(Duration.ofSeconds(15), Duration.ofSeconds(1));
    address = TestServers.addressOf(server);
    alice = TestUser.joined(address, "alice");
    bob = TestUser.joined(address, "bob");
    attacker = new LinkSocket("127.0.0.1", address);
    // The handshake first, with a datagram the server drops unanswered (not an object), so no
    // answer to a later request is read while the handshake completes.
    attacker.sendEstablished("[]".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() throws Exception {
    attacker.close();
    alice.close();
    bob.close();
    server.close();
  }

  /** Sealed in the attacker's own session. */
  void send(byte[] bytes) throws Exception {
    attacker.send(bytes);
  }

  void send(String text) throws Exception {
    send(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void garbageIsDroppedAndCountedAndTheRoomKeepsWorking() throws Exception {
    Random random = new Random(42);
    for (int i = 0; i < 500; i++) {
      byte[] junk = new byte[1 + random.nextInt(1500)];
      random.nextBytes(junk);
      attacker.sendRaw(junk);
    }
    attacker.sendRaw(new byte[5000]); // over the size limit
    send("{\"v\":2,\"type\":\"join\",\"name\":\"" + "x".repeat(1170) + "\"}");
    send("{\"v\":2,\"type\":\"join\",\"x\":[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]}");
    send("{\"v\":2,\"type\":\"join\",\"type\":\"leave\",\"name\":\"mallory\"}");
    send("{\"v\":2,\"type\":\"join\",\"name\":\"mallory\"} trailing");
    send("{\"v\":2,\"type\":\"join\",\"name\":42}");
    send("{\"v\":2,\"type\":\"launch-missiles\"}");
    send("{\"v\":3,\"type\":\"join\",\"name\":\"mallory\"}");
    send("[1,2,3]");
    send("not JSON at all");

    alice.type("still here");
    bob.await(message("alice", "still here"));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(server.drops().snapshot())
                    .containsKeys(
                        "not-sealed",
                        "oversize",
                        "too-complex",
                        "not-json",
                        "bad-field",
                        "unknown-type",
                        "bad-version",
                        "not-an-object"));
    long total = server.drops().snapshot().values().stream().mapToLong(Long::longValue).sum();
    assertThat(total).isGreaterThanOrEqualTo(500 + 9);
    assertThat(server.members()).containsExactly("alice", "bob");
  }

  @Test
  void aForgedSessionTokenCannotPostAsAnyone() throws Exception {
    Join join = new Join("mallory", "MMMMMMMMMMMMMMMMMMMMMM", 1, null);
    send(codec.encode(join));
    send(codec.encode(join.withCookie(receive(Retry.class).cookie())));
    String realToken = receive(Welcome.class).session();
    String forged = (realToken.charAt(0) == 'A' ? "B" : "A") + realToken.substring(1);
    send(codec.encode(new Say(forged, 1, "I am totally alice", false)));
    send(codec.encode(new Say(realToken, 1, "mallory, honestly", false)));

    bob.await(message("mallory", "mallory, honestly"));
    assertThat(bob.events()).noneMatch(e -> e.text().contains("totally alice"));
    assertThat(server.drops().count(Drops.FORGED_SESSION)).isEqualTo(1);
  }

  @Test
  void caseWidthAndLookAlikeVariantsOfAMembersNameAreRefused() throws Exception {
    // Whole-script look-alikes (all Cyrillic "сор" for "cop") are refused the same way: RoomTest.
    String[][] attempts = {
      {"ALICE", "name-taken"},
      {"ａｌｉｃｅ", "name-taken"}, // full-width
      {"\u0430lice", "name-invalid"}, // a Cyrillic а
      {"alic\u0435", "name-invalid"}, // a Cyrillic е
      {"b\u03bfb", "name-invalid"}, // a Greek ο
      {"al\u200bice", "name-invalid"}, // a zero-width space
      {"b0b", "name-taken"}, // a zero: one script, but it looks like bob
    };
    // The names are checked only once the address is validated: one cookie serves every attempt.
    send(codec.encode(new Join("mallory", "MMMMMMMMMMMMMMMMMMMMMM", 1, null)));
    String cookie = receive(Retry.class).cookie();
    for (String[] attempt : attempts) {
      Join join = new Join(attempt[0], "MMMMMMMMMMMMMMMMMMMMMM", 1, null).withCookie(cookie);
      send(codec.encode(join));
      assertThat(receive(ErrorReply.class).code()).as(attempt[0]).isEqualTo(attempt[1]);
    }
    assertThat(server.members()).containsExactly("alice", "bob");
  }

  private <T extends ServerMessage> T receive(Class<T> type) throws Exception {
    while (true) {
      byte[] payload = attacker.receive(Duration.ofSeconds(5));
      if (payload == null) {
        throw new SocketTimeoutException("no " + type.getSimpleName() + " within 5s");
      }
      ServerMessage message = codec.decode(payload, payload.length, ServerMessage.class);
      if (type.isInstance(message)) {
        return type.cast(message);
      }
    }
  }
}
