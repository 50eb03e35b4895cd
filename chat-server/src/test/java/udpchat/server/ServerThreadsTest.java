package udpchat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpchat.net.Faults;
import udpchat.time.MonotonicClock;

/** Every thread of a running server is named for its role, and closing stops every one. */
@Timeout(30)
class ServerThreadsTest {

  static final Set<String> ROLES =
      Set.of("udpchat-receiver", "udpchat-room", "udpchat-sender", "udpchat-journal");

  @TempDir Path data;

  static Set<Thread> udpchatThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(thread -> thread.getName().startsWith("udpchat-"))
        .collect(Collectors.toSet());
  }

  static Set<String> names(Set<Thread> threads) {
    return threads.stream().map(Thread::getName).collect(Collectors.toSet());
  }

  @Test
  void aRunningServerHasOneThreadPerRoleAndClosingStopsThemAll() throws Exception {
    ServerConfig config =
        new ServerConfig(
            new InetSocketAddress("127.0.0.1", 0),
            Duration.ofSeconds(15),
            Duration.ofSeconds(1),
            ServerConfig.DEFAULT_HISTORY,
            ServerConfig.DEFAULT_BACKLOG,
            data,
            Faults.NONE,
            ServerConfig.DEFAULT_MAX_MEMBERS,
            ServerConfig.DEFAULT_MAX_PER_ADDRESS,
            ServerConfig.DEFAULT_RATE_LIMIT,
            ServerConfig.DEFAULT_BURST,
            null);
    Set<Thread> before = udpchatThreads(); // another test's, if one left any
    ChatServer server = new ChatServer(config, MonotonicClock.INSTANCE).start();
    Set<Thread> ours;
    try {
      ours = udpchatThreads();
      ours.removeAll(before);
      // The sweep and the retransmission are timers of the room thread, not threads of their own.
      assertThat(names(ours)).containsExactlyInAnyOrderElementsOf(ROLES);
      assertThat(server.roomSnapshot().names()).isEmpty(); // the room thread answers
    } finally {
      server.close();
    }
    assertThat(ours).noneMatch(Thread::isAlive);
  }
}
