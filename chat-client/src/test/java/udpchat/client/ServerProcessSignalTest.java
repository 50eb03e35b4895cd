package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.client.TestUser.notice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import udpchat.server.ChatServerCommand;

/** The server as an operator runs it: Ctrl-C or SIGTERM says goodbye to the room and exits 0. */
@Timeout(60)
public class ServerProcessSignalTest {

  static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path folder;
  JavaProcess server;
  int port;

  @BeforeEach
  void startTheServerOnAFreePort() throws Exception {
    server =
        JavaProcess.start(
            List.of(JavaProcess.consoleLogging(folder)),
            ChatServerCommand.class,
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--data",
            folder.resolve("data").toString());
    Matcher listening = LISTENING.matcher(server.awaitOutput("listening on"));
    assertThat(listening.find()).isTrue();
    port = Integer.parseInt(listening.group(1));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"INT", "TERM"})
  void aSignalTellsTheMembersAndExitsZero(String signal) throws Exception {
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    try (TestUser alice = TestUser.joined(address, "alice")) {
      server.signal(signal);
      alice.await(notice("the server is shutting down"));
      assertThat(server.awaitExit()).isZero();
      server.awaitOutput("stopped");
    }
  }

  @Test
  void theListeningLineNamesTheAddressAndTheSettings() {
    assertThat(server.awaitOutput("listening on"))
        .contains(
            "127.0.0.1:" + port,
            "timeout 15s, sweep 1s, heartbeat 5s",
            "receive buffer",
            "send buffer");
  }
}
