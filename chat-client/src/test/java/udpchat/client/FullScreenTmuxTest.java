package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpchat.client.view.Event;
import udpchat.server.ChatServer;

/**
 * The full-screen view, for real: alice is {@link ChatClientCommand} in a tmux pane (a real
 * pseudo-terminal), bob a {@link ChatClient} in this JVM, both on a real server on loopback. The
 * screen is read with {@code capture-pane}: the title bar on the top row, the window's lines, the
 * status bar on the row above the bottom one, the input line at the bottom.
 *
 * <p>Skipped when tmux is not on PATH.
 */
@Timeout(90)
class FullScreenTmuxTest {

  private static final String ALICE = "alice";
  private static final int WIDTH = 100;
  private static final int HEIGHT = 24;
  private static final String PROMPT = "alice> ";
  private static final AtomicInteger SOCKETS = new AtomicInteger();

  @TempDir Path temp;

  private ChatServer server;
  private TmuxClient client;
  private final List<TestUser> others = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    Optional<Path> binary = Tmux.findOnPath();
    assumeTrue(binary.isPresent(), "tmux is not on PATH (apt-get install tmux)");
    server = TestServers.start(Duration.ofSeconds(15), Duration.ofSeconds(1));
    client =
        new TmuxClient(
            new Tmux(
                binary.get(),
                "udpchat-screen-"
                    + ProcessHandle.current().pid()
                    + "-"
                    + SOCKETS.incrementAndGet()));
    client.start(ALICE, WIDTH, HEIGHT, temp, server.address().getPort(), ALICE);
    awaitPane(
        "alice in the room, window 2 shown",
        rows -> assertThat(statusBar(rows)).contains("[alice] [2:127.0.0.1:"));
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
  void roomLinesGoToWindowTwoAndAPrivateMessageOpensAWindowListedAsActivity() throws Exception {
    TestUser bob = startOther("bob");
    bob.type("hello alice");
    awaitPane(
        "bob's line in the room's window, under its title",
        rows -> {
          assertThat(rows.get(0)).contains("127.0.0.1:", "2 online");
          assertThat(rows).anyMatch(row -> row.matches("\\d\\d:\\d\\d:\\d\\d <bob> hello alice"));
          assertThat(statusBar(rows)).matches(" \\[\\d\\d:\\d\\d\\] \\[alice\\] \\[2:.*");
          assertThat(rows.get(HEIGHT - 1)).isEqualTo(PROMPT.strip());
        });

    bob.type("/msg alice psst");
    awaitPane(
        "window 3 opened for bob, not shown, in the activity list",
        rows -> {
          assertThat(statusBar(rows)).containsPattern("\\[Act: (1,)?3\\]").contains("[2:");
          assertThat(rows).noneMatch(row -> row.contains("psst"));
        });

    client.tmux.pressKeys(ALICE, "M-3");
    awaitPane(
        "the conversation with bob",
        rows -> {
          assertThat(rows.get(0)).contains("private conversation with bob");
          assertThat(rows).anyMatch(row -> row.endsWith("[private] <bob> psst"));
          assertThat(statusBar(rows)).contains("[3:bob]").doesNotContain("3]");
        });
    client.tmux.typeLiteral(ALICE, "just between us");
    client.tmux.pressKeys(ALICE, "Enter");
    Event got = bob.await(e -> e.kind() == Event.Kind.PRIVATE && e.from().equals(ALICE));
    assertThat(got.text()).isEqualTo("just between us");

    client.tmux.typeLiteral(ALICE, "/window 2");
    client.tmux.pressKeys(ALICE, "Enter");
    awaitPane(
        "back in the room",
        rows -> {
          assertThat(statusBar(rows)).contains("[2:127.0.0.1:");
          assertThat(rows).anyMatch(row -> row.endsWith("<bob> hello alice"));
        });
    client.tmux.pressKeys(ALICE, "M-1");
    awaitPane(
        "the status window, with the server's key",
        rows -> {
          assertThat(rows.get(0)).contains("server notices");
          assertThat(rows).anyMatch(row -> row.contains("-- joining 127.0.0.1:"));
        });
  }

  @Test
  void theRoomsWindowCannotBeClosedAQueryWindowCan() {
    client.tmux.typeLiteral(ALICE, "/wc");
    client.tmux.pressKeys(ALICE, "Enter");
    awaitPane(
        "a one-line error",
        rows ->
            assertThat(rows)
                .anyMatch(
                    row ->
                        row.contains("!! window 2 (127.0.0.1:")
                            && row.contains("cannot be closed")));
    client.tmux.typeLiteral(ALICE, "/query carol");
    client.tmux.pressKeys(ALICE, "Enter");
    awaitPane("carol's window", rows -> assertThat(statusBar(rows)).contains("[3:carol]"));
    client.tmux.typeLiteral(ALICE, "/window close");
    client.tmux.pressKeys(ALICE, "Enter");
    awaitPane("closed: the room again", rows -> assertThat(statusBar(rows)).contains("[2:"));
  }

  @Test
  void pageUpShowsOlderLinesAndAResizeRedrawsThemFromTheClientsBuffer() throws Exception {
    TestUser bob = startOther("bob");
    for (int i = 1; i <= 60; i++) {
      bob.type("line " + i);
    }
    awaitPane(
        "the newest line", rows -> assertThat(rows.get(HEIGHT - 3)).endsWith("<bob> line 60"));
    client.tmux.typeLiteral(ALICE, "half typed");

    client.tmux.pressKeys(ALICE, "PPage");
    awaitPane(
        "a page back",
        rows -> {
          assertThat(rows).noneMatch(row -> row.endsWith("line 60"));
          assertThat(rows.get(HEIGHT - 3)).endsWith("<bob> line " + (60 - (HEIGHT - 4)));
          assertThat(statusBar(rows)).contains("-- more (" + (HEIGHT - 4) + " below) --");
        });
    client.tmux.pressKeys(ALICE, "NPage");
    awaitPane("at the bottom again", rows -> assertThat(rows.get(HEIGHT - 3)).endsWith("line 60"));

    client.tmux.resize(ALICE, 60, 12);
    awaitPane(
        "the small screen: the newest lines, the status bar and the input line at its bottom",
        rows -> {
          assertThat(rows.get(0)).contains("2 online");
          assertThat(untimed(rows.subList(1, 10))).containsExactlyElementsOf(expectedLines(52, 60));
          assertThat(rows.get(10)).contains("[alice] [2:");
          assertThat(rows.get(11)).isEqualTo(PROMPT + "half typed");
        });
    // Lines arriving while the terminal is resized, again and again: none lost, none doubled.
    for (int i = 61; i <= 70; i++) {
      bob.type("line " + i);
      client.tmux.resize(ALICE, i % 2 == 0 ? 70 : 90, i % 2 == 0 ? 14 : 18);
    }
    client.tmux.resize(ALICE, WIDTH, HEIGHT);
    awaitPane(
        "full size again: every row filled from the buffer, nothing stale",
        rows -> {
          assertThat(untimed(rows.subList(1, HEIGHT - 2)))
              .containsExactlyElementsOf(expectedLines(70 - (HEIGHT - 4), 70));
          assertThat(rows).filteredOn(row -> row.contains("[alice] [2:")).hasSize(1);
          assertThat(rows).filteredOn(row -> row.startsWith(PROMPT.strip())).hasSize(1);
          assertThat(rows.get(HEIGHT - 1)).isEqualTo(PROMPT + "half typed");
        });
  }

  @Test
  void ctrlZGivesTheShellItsScreenAndFgRestoresOursAtTheNewSize() throws Exception {
    TestUser bob = startOther("bob");
    bob.type("before the stop");
    awaitPane("bob's line", rows -> assertThat(rows).anyMatch(r -> r.endsWith("before the stop")));
    client.tmux.typeLiteral(ALICE, "half typed");
    awaitPane("the typed line", rows -> assertThat(rows.get(HEIGHT - 1)).endsWith("half typed"));
    ProcessHandle java = client.client();
    client.tmux.pressKeys(ALICE, "C-z");
    await("the client stopped")
        .atMost(TmuxClient.WAIT)
        .pollInterval(TmuxClient.POLL)
        .until(() -> processState(java.pid()).equals("T"));
    awaitPane(
        "the shell's screen: none of the client's",
        rows -> assertThat(rows).noneMatch(row -> row.contains("[alice]") || row.contains("bob")));

    client.tmux.resize(ALICE, 80, 16); // while stopped: it wakes to a new size
    new ProcessBuilder("kill", "-CONT", String.valueOf(java.pid())).start().waitFor();
    awaitPane(
        "the whole screen again, at the new size",
        rows -> {
          assertThat(rows.get(0)).contains("online");
          assertThat(rows).anyMatch(row -> row.endsWith("<bob> before the stop"));
          assertThat(rows.get(14)).contains("[alice] [2:");
          assertThat(rows.get(15)).isEqualTo(PROMPT + "half typed");
        });
    client.tmux.typeLiteral(ALICE, " and sent");
    client.tmux.pressKeys(ALICE, "Enter");
    bob.await(TestUser.message(ALICE, "half typed and sent"));
  }

  @Test
  void othersEscapeSequencesAreShownEscapedAndAMentionElsewhereIsHighlightedInTheActivityList()
      throws Exception {
    String titleBefore = client.tmux.display(ALICE, "#{pane_title}");
    TestUser bob = startOther("bob");
    // OSC 0 would set the window title, SGR 31 turn what follows red, ED 2 clear the screen.
    bob.type("\u001b]0;pwned\u0007evil \u001b[31mred\u001b[2J");
    awaitPane(
        "bob's text, escaped, the bars in place",
        rows -> {
          assertThat(rows).anyMatch(row -> row.endsWith("<bob> ^[]0;pwned^Gevil ^[[31mred^[[2J"));
          assertThat(statusBar(rows)).contains("[alice] [2:");
        });
    assertThat(client.tmux.display(ALICE, "#{pane_title}")).isEqualTo(titleBefore);

    client.tmux.pressKeys(ALICE, "M-1");
    awaitPane("the status window", rows -> assertThat(statusBar(rows)).contains("[1:status]"));
    bob.type("alice, are you there?");
    awaitPane("window 2 active", rows -> assertThat(statusBar(rows)).contains("[Act: 2]"));
    List<String> drawn = TmuxClient.lines(client.tmux.capturePaneWithAttributes(ALICE));
    String bar = drawn.get(HEIGHT - 2);
    assertThat(bar)
        .as("the 2 of the activity list in the mention's style (inverse yellow), not the bar's")
        .containsPattern("\u001b\\[[0-9;]*33[0-9;]*m(\u001b\\[[0-9;]*m)*2");
  }

  @Test
  void wideCharactersWrapWithinTheWindowAndLeaveTheBarsInPlace() throws Exception {
    TestUser bob = startOther("bob");
    client.tmux.typeLiteral(ALICE, "half typed");
    String wide = "你好世界👋 e\u0301a\u0308 ".repeat(12) + "end";
    bob.type(wide);
    awaitPane(
        "the whole text over several rows, the bars and the input line in place",
        rows -> {
          String joined = String.join("", rows.subList(1, HEIGHT - 2)).replaceAll("\\s", "");
          String want =
              java.text.Normalizer.normalize(wide, java.text.Normalizer.Form.NFC)
                  .replaceAll("\\s", "");
          assertThat(java.text.Normalizer.normalize(joined, java.text.Normalizer.Form.NFC))
              .contains(want);
          assertThat(statusBar(rows)).contains("[alice] [2:");
          assertThat(rows.get(HEIGHT - 1)).isEqualTo(PROMPT + "half typed");
        });
  }

  private static List<String> expectedLines(int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> "<bob> line " + i).toList();
  }

  /** The rows without the time each line starts with. */
  private static List<String> untimed(List<String> rows) {
    return rows.stream().map(row -> row.replaceFirst("^\\d\\d:\\d\\d:\\d\\d ", "")).toList();
  }

  private static String processState(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  }

  private String statusBar(List<String> rows) {
    return rows.get(rows.size() - 2);
  }

  private void awaitPane(String what, Consumer<List<String>> assertion) {
    client.awaitPane(ALICE, what, rows -> assertion.accept(rows.subList(0, rows.size() - 1)));
  }

  private TestUser startOther(String name) throws IOException {
    TestUser other = TestUser.joined(TestServers.addressOf(server), name);
    others.add(other);
    return other;
  }
}
