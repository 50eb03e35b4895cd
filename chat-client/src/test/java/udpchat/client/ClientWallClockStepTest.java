package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.client.view.Event;
import udpchat.server.ChatServer;
import udpchat.time.MonotonicClock;
import udpchat.time.SettableClock;

/**
 * The client's wall clock set back an hour (NTP, or a user fixing the date) while it is in a room
 * with a short timeout: its heartbeats go on, as they run on the monotonic clock, so the server
 * never expires it; what it says itself is stamped with the new wall time. With the wall clock as
 * its timers' clock, the next heartbeat would be due in an hour and the server would expire it
 * within a second.
 */
@Timeout(60)
public class ClientWallClockStepTest {

  static final Duration HEARTBEAT = Duration.ofMillis(200);
  static final Duration SERVER_TIMEOUT = Duration.ofSeconds(1);

  @Test
  void heartbeatsGoOnWhenTheWallClockIsSetBack() throws Exception {
    SettableClock wall = new SettableClock(Instant.parse("2026-12-03T12:00:00Z"));
    try (ChatServer server = TestServers.start(SERVER_TIMEOUT, Duration.ofMillis(100));
        TestUser alice =
            TestUser.joined(
                new ClientConfig(TestServers.addressOf(server), "alice", HEARTBEAT),
                MonotonicClock.INSTANCE,
                wall)) {
      wall.step(Duration.ofHours(-1));
      long answered = server.sendCounts().datagrams();

      // Each heartbeat is answered: 15 answers are three seconds, three of the server's timeouts.
      Awaitility.await()
          .atMost(TestUser.PATIENCE)
          .until(() -> server.sendCounts().datagrams() >= answered + 15);

      assertThat(server.members()).containsExactly("alice");
      assertThat(alice.events()).noneMatch(e -> e.text() != null && e.text().contains("expired"));
      alice.type("/nick alice");
      Event told = alice.await(TestUser.notice("you are already alice"));
      // The wall time of the session's cycle that said it: the set-back clock's, a few ms before
      // the moment the conversion read it (the test's wall clock stands still).
      assertThat(told.time())
          .isBetween(Instant.parse("2026-12-03T10:59:59Z"), Instant.parse("2026-12-03T11:00:00Z"));
    }
  }
}
