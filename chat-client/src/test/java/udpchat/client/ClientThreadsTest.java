package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.server.ChatServer;

/**
 * What a thread dump of a running client shows: each thread it started named for its role, the
 * session owned by {@code udpchat-session}, drawing by {@code udpchat-view}; no anonymous {@code
 * Thread-N} or {@code pool-N}, and no thread left once the client is closed.
 */
@Timeout(60)
public class ClientThreadsTest {

  @Test
  void everyThreadIsNamedForItsRoleAndStopsWithTheClient() throws Exception {
    try (ChatServer server = TestServers.start(Duration.ofSeconds(15), Duration.ofSeconds(1))) {
      Set<Thread> before = Thread.getAllStackTraces().keySet();
      Set<String> started;
      try (TestUser alice = TestUser.joined(TestServers.addressOf(server), "alice")) {
        started = namesOfThreadsNotIn(before);
        assertThat(started)
            .contains("udpchat-session", "udpchat-receiver", "udpchat-view", "input-alice")
            .allMatch(name -> name.startsWith("udpchat-") || name.equals("input-alice"));
      }
      assertThat(namesOfThreadsNotIn(before))
          .as("threads still running after close")
          .doesNotContain("udpchat-session", "udpchat-receiver", "udpchat-view");
    }
  }

  private static Set<String> namesOfThreadsNotIn(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !before.contains(t) && t.isAlive())
        .map(Thread::getName)
        .filter(name -> !name.startsWith("awaitility")) // the test's own waiting
        .collect(Collectors.toSet());
  }
}
