package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.client.TestUser.notice;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server as an operator runs it: Ctrl-C or SIGTERM says goodbye to the room and exits 0. */
@Timeout(60)
class ServerProcessSignalTest {

  static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path folder;
  Process server;
  final List<String> log = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"INT", "TERM"})
  void aSignalTellsTheMembersAndExitsZero(String signal) throws Exception {
    int port = startServer();
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    try (TestUser alice = TestUser.joined(address, "alice")) {
      Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(server.pid())).start();
      assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();

      alice.await(notice("the server is shutting down"));
      assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(server.exitValue()).isZero();
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> log.stream().anyMatch(line -> line.contains("stopped")));
    }
  }

  @Test
  void theListeningLineNamesTheAddress() throws Exception {
    assertThat(startServer()).isPositive();
    assertThat(log.get(log.size() - 1)).contains("timeout 15s, sweep 1s, heartbeat 5s");
  }

  /** Starts the server on a free port, as its own process; the port it logged. */
  private int startServer() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // Both programs' logback.xml are on the test classpath; give the server a console log.
    Path logging = folder.resolve("logback.xml");
    Files.writeString(
        logging,
        "<configuration><appender name='OUT' class='ch.qos.logback.core.ConsoleAppender'>"
            + "<encoder><pattern>%level %msg%n</pattern></encoder></appender>"
            + "<root level='INFO'><appender-ref ref='OUT'/></root></configuration>");
    server =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "-Dlogback.configurationFile=" + logging,
                "udpchat.server.ChatServerCommand",
                "--bind",
                "127.0.0.1",
                "--port",
                "0")
            .redirectErrorStream(true)
            .start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                out.lines().forEach(log::add);
              } catch (Exception e) {
                log.add("reader failed: " + e);
              }
            },
            "server-stdout");
    reader.setDaemon(true);
    reader.start();
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                log.stream()
                    .map(LISTENING::matcher)
                    .filter(Matcher::find)
                    .map(m -> Integer.parseInt(m.group(1)))
                    .findFirst()
                    .orElse(0),
            port -> port > 0);
  }
}
