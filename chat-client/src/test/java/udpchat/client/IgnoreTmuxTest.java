package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static udpchat.client.TestUser.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpchat.client.view.Event;
import udpchat.server.ChatServer;

/**
 * {@code /ignore} and {@code /set} in the full screen, for real: alice is {@link ChatClientCommand}
 * in a tmux pane, bob and carol clients in this JVM, on a real server on loopback. Skipped when
 * tmux is not on PATH.
 */
@Timeout(90)
class IgnoreTmuxTest {

  private static final String ALICE = "alice";

  @TempDir Path temp;

  private ChatServer server;
  private TmuxClient client;
  private final List<TestUser> others = new ArrayList<>();

  @BeforeEach
  void setUp() throws Exception {
    Optional<Path> binary = Tmux.findOnPath();
    assumeTrue(binary.isPresent(), "tmux is not on PATH (apt-get install tmux)");
    server = TestServers.start(Duration.ofSeconds(15), Duration.ofSeconds(1));
    client =
        new TmuxClient(new Tmux(binary.get(), "udpchat-ignore-" + ProcessHandle.current().pid()));
    client.start(ALICE, 100, 24, temp, server.address().getPort(), ALICE);
    awaitPane("alice in the room", rows -> assertThat(rows).anyMatch(r -> r.contains("[alice]")));
  }

  @AfterEach
  void tearDown() throws Exception {
    try {
      if (client != null) {
        client.close();
      }
    } finally {
      for (TestUser other : others) {
        other.close();
      }
      if (server != null) {
        server.close();
      }
    }
  }

  @Test
  void anIgnoredNameIsNotDrawnNorGivenAWindowAndTheTimeFormatIsSet() throws Exception {
    TestUser bob = startOther("bob");
    TestUser carol = startOther("carol");
    type("/ignore BOB");
    awaitPane(
        "the notice", rows -> assertThat(rows).anyMatch(r -> r.contains("ignoring BOB (kept in")));

    bob.type("/msg alice psst");
    bob.type("secret words");
    for (String said : List.of("psst", "secret words")) {
      bob.await(e -> e.kind() == Event.Kind.DELIVERED && e.subject().text().equals(said));
    }
    carol.type("marker one");
    carol.await(message("carol", "marker one"));
    awaitPane(
        "carol's line, none of bob's, and no window opened for his private message",
        rows -> {
          assertThat(rows).anyMatch(r -> r.matches("\\d\\d:\\d\\d:\\d\\d <carol> marker one"));
          assertThat(rows).noneMatch(r -> r.contains("secret words") || r.contains("psst"));
          // window 3 would be bob's conversation: never opened, so never in the activity list
          assertThat(rows.get(rows.size() - 2)).doesNotContainPattern("\\[Act: [0-9,]*3");
        });

    type("/set time_format HH:mm");
    awaitPane(
        "the notice", rows -> assertThat(rows).anyMatch(r -> r.contains("time_format is HH:mm")));
    carol.type("shorter time");
    awaitPane(
        "carol's line with the time without seconds",
        rows -> assertThat(rows).anyMatch(r -> r.matches("\\d\\d:\\d\\d <carol> shorter time")));

    Path config = temp.resolve(ALICE + "-home").resolve("config");
    assertThat(Files.readString(config)).contains("ignore BOB\n", "set time_format HH:mm\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config)))
        .isEqualTo("rw-------");
  }

  private void type(String line) throws Exception {
    client.tmux.typeLiteral(ALICE, line);
    client.tmux.pressKeys(ALICE, "Enter");
  }

  private void awaitPane(String what, Consumer<List<String>> assertion) {
    client.awaitPane(ALICE, what, rows -> assertion.accept(rows.subList(0, rows.size() - 1)));
  }

  private TestUser startOther(String name) throws Exception {
    TestUser other = TestUser.joined(TestServers.addressOf(server), name);
    others.add(other);
    return other;
  }
}
