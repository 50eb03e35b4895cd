package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.client.TestUser.message;
import static udpchat.client.TestUser.notice;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.server.ChatServer;

/**
 * Heartbeats and expiry on real sockets, with a short timeout so the tests run in seconds. The
 * exact boundaries (timeout - 1, timeout, timeout + 1) are RoomTest's, with an injected time.
 */
@Timeout(60)
public class ExpiryTest {

  /** Short, so the tests take seconds, yet a heartbeat thread stalled for a second is no expiry. */
  static final Duration TIMEOUT = Duration.ofMillis(1500);

  static final Duration SWEEP = Duration.ofMillis(100);

  ChatServer server;
  InetSocketAddress address;
  TestUser alice;
  TestUser carol;

  @BeforeEach
  void start() throws Exception {
    server = TestServers.start(TIMEOUT, SWEEP);
    address = TestServers.addressOf(server);
    alice = TestUser.joined(address, "alice");
  }

  @AfterEach
  void stop() throws Exception {
    alice.close();
    if (carol != null) {
      carol.close();
    }
    server.close();
  }

  @Test
  void heartbeatsKeepAQuietMemberInTheRoom() throws Exception {
    carol = TestUser.joined(address, "carol");
    alice.type("/who");
    long quietUntil = System.nanoTime() + 4 * TIMEOUT.toNanos();
    // Several timeouts without a word from carol: only her heartbeats speak for her.
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> System.nanoTime() > quietUntil);
    assertThat(server.members()).containsExactly("alice", "carol");
    assertThat(alice.events()).noneMatch(notice("expired"));
  }

  @Test
  void aMemberWhoseHeartbeatsStopIsExpiredWithinTimeoutPlusSweepAndTheRoomIsTold()
      throws Exception {
    carol = TestUser.joined(address, "carol");
    long stoppedNs = System.nanoTime();
    carol.type("/hb off");
    alice.await(notice("carol expired (went silent) (1 online)"));
    long tookMs = (System.nanoTime() - stoppedNs) / 1_000_000;
    // Her last ping went out before /hb off, so she is gone by timeout + sweep after it; the
    // bound adds a generous allowance for a loaded machine. (RoomTest checks the exact instants.)
    assertThat(tookMs).isLessThan(TIMEOUT.plus(SWEEP).toMillis() + 5_000);
    assertThat(server.members()).containsExactly("alice");
    carol.await(notice("the server expired you"));
  }

  @Test
  void heartbeatsBackOnRejoinUnderTheSameName() throws Exception {
    carol = TestUser.joined(address, "carol");
    carol.type("/hb off");
    carol.await(notice("/hb on to rejoin"));
    carol.type("/hb on");
    carol.await(notice("rejoined as carol"));
    alice.await(notice("carol joined (2 online)"));
    carol.type("I am back");
    alice.await(message("carol", "I am back"));
  }

  @Test
  void anExpiredClientComesBackByItself() throws Exception {
    // Heartbeats slower than the timeout: the server expires carol again and again, and each
    // time her client rejoins without being asked.
    carol = TestUser.joined(address, "carol", TIMEOUT.multipliedBy(3));
    carol.await(notice("the server expired you"));
    carol.await(notice("rejoined as carol"));
    alice.await(notice("carol expired"));
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> server.members().contains("carol"));
  }

  @Test
  void whatIsTypedWhileExpiredIsSentAfterTheRejoin() throws Exception {
    carol = TestUser.joined(address, "carol");
    carol.type("/hb off");
    carol.await(notice("/hb on to rejoin"));
    carol.type("did I miss anything?");
    carol.await(notice("rejoined as carol"));
    alice.await(message("carol", "did I miss anything?"));
  }
}
