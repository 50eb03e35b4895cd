package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.server.ChatServer;

/**
 * A terminal that takes 300 ms to draw each line (a slow ssh link, a paused tmux pane), in a room
 * whose server expires a member after a second of silence: the client draws on a thread of its own
 * ({@code QueuedView}), so its session's thread goes on sending heartbeats and acks while 20 lines
 * take six seconds to draw, and it is never expired. When the session drew on its own thread, the
 * heartbeats waited behind the terminal and the server expired the member within the burst.
 */
@Timeout(90)
public class SlowTerminalTest {

  static final Duration DRAW_TIME = Duration.ofMillis(300);
  static final int LINES = 20;

  @Test
  void aSlowTerminalHoldsUpNoHeartbeat() throws Exception {
    try (ChatServer server = TestServers.start(Duration.ofSeconds(1), Duration.ofMillis(100));
        TestUser bob = TestUser.joined(TestServers.addressOf(server), "bob", HEARTBEAT);
        TestUser alice =
            TestUser.joinedWithSlowView(
                new ClientConfig(TestServers.addressOf(server), "alice", HEARTBEAT), DRAW_TIME)) {
      for (int i = 1; i <= LINES; i++) {
        bob.type("line " + i);
      }
      bob.await(TestUser.message("bob", "line " + LINES));

      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> alice.events().stream().anyMatch(TestUser.message("bob", "line " + LINES)));

      assertThat(alice.events())
          .filteredOn(e -> e.from() != null && e.from().equals("bob"))
          .hasSize(LINES);
      assertThat(alice.events()).noneMatch(e -> e.text() != null && e.text().contains("expired"));
      assertThat(bob.events()).noneMatch(e -> e.text() != null && e.text().contains("expired"));
      assertThat(server.members()).containsExactlyInAnyOrder("alice", "bob");
      assertThat(alice.linesNotShown()).isZero();
    }
  }

  static final Duration HEARTBEAT = Duration.ofMillis(200);
}
