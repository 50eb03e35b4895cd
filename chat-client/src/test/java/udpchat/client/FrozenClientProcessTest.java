package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.client.TestUser.notice;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpchat.server.ChatServer;

/**
 * The client as a user runs it, in its own process in plain mode: frozen like Ctrl-Z does
 * (SIGSTOP), it is expired; thawed (SIGCONT, as fg does), it rejoins by itself; quit exits 0.
 */
@Timeout(90)
public class FrozenClientProcessTest {

  static final Duration TIMEOUT = Duration.ofMillis(1500);

  @TempDir Path home;
  ChatServer server;
  TestUser alice;
  JavaProcess dave;

  @BeforeEach
  void start() throws Exception {
    server = TestServers.start(TIMEOUT, Duration.ofMillis(100));
    InetSocketAddress address = TestServers.addressOf(server);
    alice = TestUser.joined(address, "alice");
    dave =
        JavaProcess.start(
            List.of("-Dudpchat.home=" + home),
            ChatClientCommand.class,
            "--plain",
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(address.getPort()),
            "--name",
            "dave");
  }

  @AfterEach
  void stop() throws Exception {
    dave.close();
    alice.close();
    server.close();
  }

  @Test
  void aFrozenClientIsExpiredAndRejoinsByItselfWhenThawedThenQuitsWithStatusZero()
      throws Exception {
    alice.await(notice("dave joined"));
    dave.awaitOutput("joined 127.0.0.1:");

    dave.signal("STOP");
    alice.await(notice("dave expired"));
    assertThat(server.members()).containsExactly("alice");

    dave.signal("CONT");
    dave.awaitOutput("the server expired you");
    dave.awaitOutput("rejoined as dave");
    Awaitility.await().atMost(JavaProcess.PATIENCE).until(() -> server.members().contains("dave"));
    // Frozen is not the same as a silent server: no false alarm after the thaw.
    assertThat(dave.output).noneMatch(line -> line.contains("no reply from the server"));

    dave.type("quit");
    assertThat(dave.awaitExit()).isZero();
    alice.await(notice("dave left"));
  }
}
