package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.client.TestUser.notice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpchat.client.view.Event;
import udpchat.server.ChatServerCommand;

/**
 * The server process killed with SIGKILL in the middle of a conversation and started again on the
 * same port with the same data folder: it reloads the room from its journal and goes on numbering,
 * the clients rejoin by themselves and catch up, and no message the server had acknowledged is
 * lost, none is shown twice, and the order is the same for everyone.
 */
@Timeout(120)
public class ServerCrashTest {

  static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
  static final Pattern LAST_EVENT = Pattern.compile("last event (\\d+)");

  @TempDir Path folder;
  final List<JavaProcess> servers = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (JavaProcess server : servers) {
      server.close();
    }
  }

  @Test
  void acknowledgedMessagesSurviveKillNineAndEveryoneCatchesUp() throws Exception {
    JavaProcess first = startServer(0);
    Matcher listening = LISTENING.matcher(first.awaitOutput("listening on"));
    assertThat(listening.find()).isTrue();
    int port = Integer.parseInt(listening.group(1));
    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);

    try (TestUser alice = TestUser.joined(address, "alice", Duration.ofMillis(300));
        TestUser bob = TestUser.joined(address, "bob", Duration.ofMillis(300))) {
      List<String> said = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        said.add("before " + i);
        alice.type("before " + i);
      }
      awaitAll(bob, said);
      for (int i = 0; i < 20; i++) { // the kill falls somewhere among these
        said.add("during " + i);
        alice.type("during " + i);
      }
      alice.await(e -> e.kind() == Event.Kind.DELIVERED && e.subject().text().equals("during 3"));
      first.signal("KILL");
      first.awaitExit();
      List<String> acknowledged =
          alice.events().stream()
              .filter(e -> e.kind() == Event.Kind.DELIVERED)
              .map(e -> e.subject().text())
              .toList();

      JavaProcess second = startServer(port);
      Matcher reloaded = LAST_EVENT.matcher(second.awaitOutput("; epoch "));
      assertThat(reloaded.find()).isTrue();
      long head = Long.parseLong(reloaded.group(1));
      // Everything acknowledged was in the journal: 2 joins, 20 before, and the acknowledged part
      // of the rest.
      assertThat(head).isGreaterThanOrEqualTo(2 + acknowledged.size());
      alice.await(notice("the server restarted"));
      bob.await(notice("the server restarted"));
      for (int i = 0; i < 5; i++) {
        said.add("after " + i);
        alice.type("after " + i);
      }

      awaitAll(bob, said);
      awaitAll(alice, said);
      assertThat(texts(bob)).containsExactlyElementsOf(texts(alice)).doesNotHaveDuplicates();
      assertThat(texts(bob)).containsAll(acknowledged).containsExactlyElementsOf(said);
      assertThat(alice.events()).noneMatch(e -> e.kind() == Event.Kind.FAILED);
    }
    List<String> journal = Files.readAllLines(folder.resolve("data").resolve("room.log"));
    assertThat(journal.stream().filter(line -> line.contains("\"text\":\"during 5\""))).hasSize(1);
  }

  private JavaProcess startServer(int port) throws Exception {
    JavaProcess server =
        JavaProcess.start(
            List.of(JavaProcess.consoleLogging(folder)),
            ChatServerCommand.class,
            "--bind",
            "127.0.0.1",
            "--port",
            String.valueOf(port),
            "--timeout",
            "3s",
            "--sweep",
            "200ms",
            "--data",
            folder.resolve("data").toString());
    servers.add(server);
    return server;
  }

  private static void awaitAll(TestUser user, List<String> texts) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> texts(user).containsAll(texts));
  }

  private static List<String> texts(TestUser user) {
    return user.events().stream()
        .filter(e -> e.kind() == Event.Kind.MESSAGE)
        .map(Event::text)
        .toList();
  }
}
