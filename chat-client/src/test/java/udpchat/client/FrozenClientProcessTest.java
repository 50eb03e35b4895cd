package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.client.TestUser.notice;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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
class FrozenClientProcessTest {

  static final Duration TIMEOUT = Duration.ofMillis(1200);
  static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir Path home;
  ChatServer server;
  TestUser alice;
  Process dave;
  final List<String> daveSays = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = TestServers.start(TIMEOUT, Duration.ofMillis(100));
    InetSocketAddress address = TestServers.addressOf(server);
    alice = TestUser.joined(address, "alice");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    dave =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Dudpchat.home=" + home,
                "udpchat.client.ChatClientCommand",
                "--plain",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(address.getPort()),
                "--name",
                "dave")
            .redirectErrorStream(true)
            .start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(dave.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(daveSays::add);
              } catch (Exception e) {
                daveSays.add("reader failed: " + e);
              }
            },
            "dave-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  @AfterEach
  void stop() throws Exception {
    if (dave.isAlive()) {
      signal("CONT"); // a stopped process cannot be destroyed until it runs again
    }
    dave.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    alice.close();
    server.close();
  }

  @Test
  void aFrozenClientIsExpiredAndRejoinsByItselfWhenThawedThenQuitsWithStatusZero()
      throws Exception {
    alice.await(notice("dave joined"));
    awaitDaveSays("joined 127.0.0.1:");

    signal("STOP");
    alice.await(notice("dave expired"));
    assertThat(server.members()).containsExactly("alice");

    signal("CONT");
    awaitDaveSays("the server expired you");
    awaitDaveSays("rejoined as dave");
    Awaitility.await().atMost(PATIENCE).until(() -> server.members().contains("dave"));
    // Frozen is not the same as a silent server: no false alarm after the thaw.
    assertThat(daveSays).noneMatch(line -> line.contains("no reply from the server"));

    try (Writer in = new OutputStreamWriter(dave.getOutputStream(), StandardCharsets.UTF_8)) {
      in.write("quit\n");
    }
    assertThat(dave.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(dave.exitValue()).isZero();
    alice.await(notice("dave left"));
  }

  private void awaitDaveSays(String text) {
    Awaitility.await()
        .atMost(PATIENCE)
        .until(() -> daveSays.stream().anyMatch(line -> line.contains(text)));
  }

  private void signal(String name) throws Exception {
    Process kill =
        new ProcessBuilder("kill", "-" + name, String.valueOf(dave.pid())).inheritIO().start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }
}
