package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.text.Normalizer.Form;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpchat.client.view.Event;
import udpchat.server.ChatServer;

/**
 * The real JLine client ({@link ChatClientCommand} with its scrolling {@code TerminalView}, {@code
 * --scrolling}) in a real pseudo-terminal: tmux runs it in a detached session of a private tmux
 * server, types into it with {@code send-keys} and reads the screen with {@code capture-pane}. The
 * server runs in this JVM, and so does a second member, bob, a {@link ChatClient} with a scripted
 * view.
 *
 * <p>Skipped when tmux is not on PATH.
 */
@Timeout(60)
public class TerminalPseudoTerminalTest {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(200);
  private static final String SESSION = "chat";
  private static final int WIDTH = 120;
  private static final int HEIGHT = 30;
  private static final String PROMPT = "alice> ";
  private static final AtomicInteger SOCKETS = new AtomicInteger();

  @TempDir Path temp;

  private ChatServer server;
  private int port;
  private Tmux tmux;
  private final List<ProcessHandle> paneProcesses = new ArrayList<>();
  private final List<TestUser> others = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    Optional<Path> binary = Tmux.findOnPath();
    assumeTrue(
        binary.isPresent(),
        "tmux is not on PATH: the pseudo-terminal tests drive the JLine client inside tmux"
            + " (install it, e.g. apt-get install tmux)");
    server = TestServers.start(Duration.ofSeconds(15), Duration.ofSeconds(1));
    port = server.address().getPort();
    tmux =
        new Tmux(
            binary.get(),
            "udpchat-test-" + ProcessHandle.current().pid() + "-" + SOCKETS.incrementAndGet());
  }

  @AfterEach
  void tearDown() throws Exception {
    try {
      if (tmux != null) {
        stopTmux();
      }
    } finally {
      try {
        for (TestUser other : others) {
          other.close();
        }
      } finally {
        if (server != null) {
          server.close();
        }
      }
    }
  }

  @Test
  void anIncomingMessageIsPrintedAboveTheHalfTypedLineWhichStaysIntact() throws Exception {
    startAlice();
    awaitPane(
        "alice's join notice",
        pane -> assertThat(pane).contains("joined 127.0.0.1:" + port + " as alice"));

    tmux.typeLiteral(SESSION, "half typed");
    awaitPane(
        "the half-typed line on alice's prompt",
        pane -> assertThat(promptLine(pane)).isEqualTo(PROMPT + "half typed"));

    TestUser bob = startOther("bob");
    bob.type("hello from bob");

    awaitPane(
        "bob's message above alice's prompt, with the half-typed line intact",
        pane -> {
          List<String> lines = lines(pane);
          int prompt = promptIndex(lines);
          assertThat(lines.get(prompt)).isEqualTo(PROMPT + "half typed");
          int message = indexOfLineContaining(lines, "<bob> hello from bob");
          assertThat(message).as("row of bob's message").isBetween(0, prompt - 1);
          // One whole line, not mixed with remains of the prompt.
          assertThat(lines.get(message)).matches("\\d\\d:\\d\\d:\\d\\d <bob> hello from bob");
          assertThat(lines).filteredOn(line -> line.contains("half typed")).hasSize(1);
        });

    tmux.typeLiteral(SESSION, " and done");
    tmux.pressKeys(SESSION, "Enter");
    bob.await(TestUser.message("alice", "half typed and done"));
    awaitPane(
        "alice's own message shown as an event, and an empty prompt",
        pane -> {
          List<String> lines = lines(pane);
          assertThat(lines.get(promptIndex(lines))).isEqualTo(PROMPT.strip());
          assertThat(lines).anyMatch(line -> line.endsWith(" <alice> half typed and done"));
          // ERASE_LINE_ON_FINISH: the edited line itself is gone once sent.
          assertThat(lines).noneMatch(line -> line.startsWith(PROMPT + "half typed"));
        });

    tmux.typeLiteral(SESSION, "quit");
    tmux.pressKeys(SESSION, "Enter");
    awaitPane("the client to exit with status 0", pane -> assertThat(pane).contains("EXIT=0"));
    bob.await(TestUser.notice("alice left"));
  }

  @Test
  void myOwnLineWithControlCharactersIsShownEscapedAsOthersSeeItAndTheStatusLineStays()
      throws Exception {
    startAlice();
    awaitPane("alice's status", pane -> assertThat(statusLine(pane)).contains("1 online"));
    TestUser bob = startOther("bob");
    awaitPane("bob counted", pane -> assertThat(statusLine(pane)).contains("2 online"));
    String hostile = "mine \u001b[31mred\u001b[2J\u001b[1;1H\tend";
    tmux.paste(SESSION, hostile);
    tmux.pressKeys(SESSION, "Enter");
    Event seen = bob.await(e -> e.kind() == Event.Kind.MESSAGE && e.from().equals("alice"));
    String asBobSees = udpchat.text.Sanitizer.clean(seen.text());
    awaitPane(
        "alice's own line as bob sees it, the status line intact",
        pane -> {
          List<String> lines = lines(pane);
          String mine = lines.get(indexOfLineContaining(lines, "<alice> mine"));
          // The tab is the terminal's to expand, on bob's screen as on alice's.
          assertThat(mine.replaceAll(" +", " ")).endsWith(asBobSees.replace('\t', ' '));
          // The status line as it was: nothing of the line that was on its way left on it.
          assertThat(statusLine(pane))
              .matches(
                  " 127\\.0\\.0\\.1:"
                      + port
                      + " \\| 2 online \\| connected \\| rtt (-|<1 ms|[0-9]+ ms)");
          assertThat(lines.get(promptIndex(lines))).isEqualTo(PROMPT.strip());
        });
  }

  @Test
  void thePromptFollowsANickTheServerTook() throws Exception {
    startAlice();
    awaitPane("alice's status", pane -> assertThat(statusLine(pane)).contains("1 online"));
    tmux.typeLiteral(SESSION, "/NICK alicia");
    tmux.pressKeys(SESSION, "Enter");
    awaitPane(
        "the new name on the prompt",
        pane -> {
          List<String> lines = lines(pane);
          assertThat(lines).anyMatch(line -> line.endsWith("-- you are now known as alicia"));
          assertThat(lines).contains("alicia>").doesNotContain("alice>");
        });
  }

  @Test
  void ctrlZGivesTheTerminalBackAndFgDrawsTheStatusLineAgainAtTheNewSize() throws Exception {
    startAlice();
    awaitPane("alice's status", pane -> assertThat(statusLine(pane)).contains("1 online"));
    tmux.typeLiteral(SESSION, "half typed");
    awaitPane("the half-typed line", pane -> assertThat(promptLine(pane)).endsWith("half typed"));
    ProcessHandle client =
        paneProcesses
            .get(0)
            .descendants()
            .filter(p -> p.info().command().orElse("").endsWith("java"))
            .findFirst()
            .orElseThrow();
    tmux.pressKeys(SESSION, "C-z");
    await("the client stopped")
        .atMost(WAIT)
        .pollInterval(POLL)
        .until(() -> processState(client.pid()).equals("T"));
    String stopped = tmux.capturePane(SESSION);
    assertThat(lines(stopped)).noneMatch(line -> line.contains(" online | "));
    // The cursor on a fresh line below the prompt, where the shell writes.
    int row = Integer.parseInt(tmux.display(SESSION, "#{cursor_y}"));
    assertThat(lines(stopped).get(row - 1)).startsWith(PROMPT + "half typed");
    assertThat(lines(stopped).get(row)).isEmpty();

    tmux.resize(SESSION, 100, 20); // while stopped: the size it wakes to is new
    new ProcessBuilder("kill", "-CONT", String.valueOf(client.pid())).start().waitFor();
    awaitPane(
        "the status line on the new bottom row and the prompt with its line",
        pane -> {
          assertThat(statusLine(pane, 20)).contains("1 online");
          assertThat(promptLine(pane)).isEqualTo(PROMPT + "half typed");
        });
  }

  /** The state letter of a process (R, S, T for stopped...), from /proc. */
  private static String processState(long pid) throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
    return stat.substring(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  }

  @Test
  void escapeSequencesFromOthersAreShownEscapedAndInert() throws Exception {
    startAlice();
    awaitPane(
        "alice's join notice",
        pane -> assertThat(pane).contains("joined 127.0.0.1:" + port + " as alice"));
    String titleBefore = tmux.display(SESSION, "#{pane_title}");

    TestUser bob = startOther("bob");
    // OSC 0 would set the window title; SGR 31 would turn what follows red.
    bob.type("\u001b]0;pwned\u0007evil \u001b[31mred");

    awaitPane(
        "bob's message, escaped",
        pane -> {
          List<String> lines = lines(pane);
          String message = lines.get(indexOfLineContaining(lines, "<bob> "));
          assertThat(message).contains("^[", "evil", "red");
        });
    assertThat(tmux.display(SESSION, "#{pane_title}"))
        .doesNotContain("pwned")
        .isEqualTo(titleBefore);
    List<String> withAttributes = lines(tmux.capturePaneWithAttributes(SESSION));
    String drawn = withAttributes.get(indexOfLineContaining(withAttributes, "<"));
    assertThat(drawn.substring(drawn.indexOf("^[]0;pwned")))
        .as("bob's text as tmux drew it, with colours and attributes as escape sequences")
        .startsWith("^[]0;pwned^Gevil ^[[31mred")
        .doesNotContain("\u001b[31m");
  }

  @Test
  void namesAreInColourAndTheBellRingsWhenSomeoneMentionsMe() throws Exception {
    startAlice(SESSION);
    awaitPane("alice alone", pane -> assertThat(statusLine(pane)).contains("1 online"));
    TestUser bob = startOther("bob");
    bob.type("nothing for anyone");
    awaitPane("bob's first message", pane -> assertThat(pane).contains("nothing for anyone"));
    assertThat(tmux.display(SESSION, "#{window_bell_flag}")).isEqualTo("0");

    bob.type("are you there, Alice?");
    awaitPane("bob's mention", pane -> assertThat(pane).contains("are you there, Alice?"));
    await("the bell")
        .atMost(WAIT)
        .pollInterval(POLL)
        .until(() -> tmux.display(SESSION, "#{window_bell_flag}").equals("1"));
    List<String> drawn = lines(tmux.capturePaneWithAttributes(SESSION));
    String line = drawn.get(indexOfLineContaining(drawn, "are you there"));
    // bob's name in a colour of the 256 (SGR 38;5;N), alice's name highlighted.
    assertThat(line).containsPattern("\u001b\\[[0-9;]*38;5;[0-9]+m(\u001b\\[[0-9;]*m)*bob");
    assertThat(line)
        .as("inverse (SGR 7) on alice's name")
        .containsPattern("\u001b\\[([0-9]+;)*7(;[0-9]+)*m(\u001b\\[[0-9;]*m)*Alice");
  }

  @Test
  void tabCompletesCommandsAndTheNamesOfMembersPresentAndNew() throws Exception {
    startOther("bob"); // there before alice: she learns of him from the member list
    startAlice();
    awaitPane("alice's join notice", pane -> assertThat(pane).contains("as alice"));
    awaitPane("the member list", pane -> assertThat(pane).contains("members (2): alice, bob"));
    startOther("carol"); // after alice: she learns of her from the join notice
    awaitPane("carol's join", pane -> assertThat(pane).contains("carol joined"));

    tmux.typeLiteral(SESSION, "/ms");
    tmux.pressKeys(SESSION, "Tab");
    tmux.typeLiteral(SESSION, "C");
    tmux.pressKeys(SESSION, "Tab");
    awaitPane(
        "the command and carol's name completed",
        pane -> assertThat(promptLine(pane)).isEqualTo(PROMPT + "/msg carol"));
    tmux.typeLiteral(SESSION, "hi b");
    tmux.pressKeys(SESSION, "Tab");
    awaitPane(
        "bob's name completed inside the text",
        pane -> assertThat(promptLine(pane)).isEqualTo(PROMPT + "/msg carol hi bob"));
    tmux.typeLiteral(SESSION, "z"); // after the space the completion added
    tmux.pressKeys(SESSION, "Tab");
    tmux.typeLiteral(SESSION, "!");
    awaitPane(
        "nobody's name starts with z: nothing is guessed",
        pane -> assertThat(promptLine(pane)).isEqualTo(PROMPT + "/msg carol hi bob z!"));
  }

  @Test
  void theStatusLineShowsTheRoomTheCountTheStateAndTheRoundTrip() throws Exception {
    startAlice(SESSION, "--heartbeat", "500ms");
    String room = "127.0.0.1:" + port;
    awaitPane(
        "the status line with alice alone, connected, with a round-trip time",
        pane ->
            assertThat(statusLine(pane))
                .startsWith(" " + room + " | 1 online | connected | rtt ")
                .doesNotContain("rtt -"));
    TestUser bob = startOther("bob");
    awaitPane("bob counted", pane -> assertThat(statusLine(pane)).contains(" | 2 online | "));
    assertThat(bob.quit()).isZero();
    awaitPane("bob gone", pane -> assertThat(statusLine(pane)).contains(" | 1 online | "));
    awaitPane(
        "the prompt above the status line",
        pane -> assertThat(promptIndex(lines(pane))).isLessThan(HEIGHT - 1));
  }

  @Test
  void pastedLinesAreSentOneByOne() throws Exception {
    startAlice();
    awaitPane("alice alone", pane -> assertThat(statusLine(pane)).contains("1 online"));
    TestUser bob = startOther("bob");
    awaitPane("bob counted", pane -> assertThat(statusLine(pane)).contains("2 online"));

    tmux.paste(SESSION, "one\ntwo\nthree");
    tmux.pressKeys(SESSION, "Enter");
    bob.await(TestUser.message("alice", "three"));
    assertThat(bob.events())
        .filteredOn(e -> e.kind() == Event.Kind.MESSAGE)
        .extracting(Event::text)
        .containsExactly("one", "two", "three");
    awaitPane(
        "three lines sent, and an empty prompt",
        pane -> {
          List<String> lines = lines(pane);
          assertThat(lines).anyMatch(line -> line.endsWith("<alice> one"));
          assertThat(lines).anyMatch(line -> line.endsWith("<alice> three"));
          assertThat(lines.get(promptIndex(lines))).isEqualTo(PROMPT.strip());
        });
  }

  @Test
  void resizingKeepsTheHalfTypedLineAndTheStatusLineAtTheBottom() throws Exception {
    startAlice();
    awaitPane("alice's status", pane -> assertThat(statusLine(pane)).contains("1 online"));
    tmux.typeLiteral(SESSION, "half typed");
    tmux.resize(SESSION, 60, 12);
    awaitPane(
        "the status line on the new bottom row, the prompt above it",
        pane -> {
          assertThat(statusLine(pane, 12)).contains("1 online");
          assertThat(promptLine(pane)).isEqualTo(PROMPT + "half typed");
        });
    TestUser bob = startOther("bob");
    bob.type("after the resize");
    awaitPane(
        "a message above the prompt in the small window",
        pane -> {
          List<String> lines = lines(pane);
          assertThat(indexOfLineContaining(lines, "after the resize"))
              .isLessThan(promptIndex(lines));
          assertThat(statusLine(pane, 12)).contains("2 online");
        });
    tmux.resize(SESSION, WIDTH, HEIGHT);
    awaitPane(
        "back to full size",
        pane -> {
          assertThat(statusLine(pane)).contains("2 online");
          assertThat(promptLine(pane)).isEqualTo(PROMPT + "half typed");
        });
  }

  @Test
  void wideAndLongLinesWrapAndKeepThePromptAndTheStatusLine() throws Exception {
    startAlice();
    awaitPane("alice's status", pane -> assertThat(statusLine(pane)).contains("1 online"));
    tmux.typeLiteral(SESSION, "half typed");
    TestUser bob = startOther("bob");
    // CJK (two columns each), emoji, a skin-tone modifier and combining marks, over 2 rows wide.
    String wide = "你好世界👋🏽 e\u0301a\u0308 ".repeat(12) + "end";
    bob.type(wide);
    awaitPane(
        "the whole text, wrapped, with the prompt and the status line intact",
        pane -> {
          String joined = Normalizer.normalize(tmux.capturePaneJoined(SESSION), Form.NFC);
          assertThat(joined).contains(Normalizer.normalize("<bob> " + wide, Form.NFC));
          assertThat(promptLine(pane)).isEqualTo(PROMPT + "half typed");
          assertThat(statusLine(pane)).contains("2 online");
        });
  }

  @Test
  void noColorInTheEnvironmentOrTheOptionTurnsColourOff() throws Exception {
    startAlice(SESSION, "NO_COLOR=1");
    startAlice("second", "NO_COLOR=", "--no-color");
    awaitPane("alice's join", pane -> assertThat(pane).contains("joined 127.0.0.1:" + port));
    awaitPane(
        "second", "alice2's join", pane -> assertThat(pane).contains("joined 127.0.0.1:" + port));
    TestUser bob = startOther("bob");
    bob.type("hello alice and alice2");
    for (String session : List.of(SESSION, "second")) {
      awaitPane(session, "bob's message", pane -> assertThat(pane).contains("hello alice"));
      List<String> drawn = lines(tmux.capturePaneWithAttributes(session));
      assertThat(drawn.get(indexOfLineContaining(drawn, "hello alice")))
          .as("bob's line without any colour or attribute")
          .doesNotContain("\u001b");
    }
  }

  // ---- alice: the real client in tmux ----

  /**
   * Starts {@code chat-client --name alice} in the tmux session, from a script that prints the exit
   * status and then lingers, so the pane (and the status) outlive the client.
   */
  private void startAlice() throws IOException {
    startAlice(SESSION);
  }

  /**
   * Starts a client in its own tmux session: {@code alice} in {@link #SESSION}, {@code alice2} in
   * any other. {@code NAME=VALUE} words set the environment; other words are extra options.
   */
  private void startAlice(String session, String... extra) throws IOException {
    String name = session.equals(SESSION) ? "alice" : "alice2";
    Path home = Files.createDirectories(temp.resolve(name + "-home"));
    List<String> environment =
        Arrays.stream(extra).filter(word -> word.matches("[A-Z_]+=.*")).toList();
    List<String> options =
        Arrays.stream(extra).filter(word -> !word.matches("[A-Z_]+=.*")).toList();
    List<String> command =
        List.of(
            JavaProcess.javaBinary(),
            "-cp",
            TmuxClient.clientClassPath(),
            "-Dudpchat.home=" + home,
            ChatClientCommand.class.getName(),
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(port),
            "--name",
            name,
            "--scrolling"); // the line view: the full screen has FullScreenTmuxTest
    command = new ArrayList<>(command);
    command.addAll(options);
    Path script = temp.resolve(name + ".sh");
    Files.writeString(
        script,
        "TERM=xterm-256color\n"
            + "export TERM\n"
            + "unset NO_COLOR\n"
            + environment.stream()
                .map(word -> "export " + TmuxClient.shellQuote(word) + "\n")
                .collect(Collectors.joining())
            + command.stream().map(TmuxClient::shellQuote).collect(Collectors.joining(" "))
            + "\n"
            + "echo \"EXIT=$?\"\n"
            + "sleep 30\n",
        StandardCharsets.UTF_8);
    tmux.newSession(session, WIDTH, HEIGHT, "sh", script.toString());
    long panePid = Long.parseLong(tmux.display(session, "#{pane_pid}"));
    ProcessHandle.of(panePid).ifPresent(paneProcesses::add);
  }

  /** Kills the tmux server, then makes sure the client it ran has ended too. */
  private void stopTmux() {
    TmuxClient.stop(tmux, paneProcesses);
  }

  private void awaitPane(String what, Consumer<String> assertion) {
    awaitPane(SESSION, what, assertion);
  }

  private void awaitPane(String session, String what, Consumer<String> assertion) {
    await(what)
        .atMost(WAIT)
        .pollInterval(POLL)
        .untilAsserted(
            () -> {
              String pane = tmux.capturePane(session);
              try {
                assertion.accept(pane);
              } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n--- pane ---\n" + pane, e);
              }
            });
  }

  private static List<String> lines(String pane) {
    return Arrays.stream(pane.split("\n", -1)).map(String::stripTrailing).toList();
  }

  /** The line with the prompt on it, without trailing blanks. */
  private static String promptLine(String pane) {
    List<String> lines = lines(pane);
    return lines.get(promptIndex(lines));
  }

  /** The row of the last prompt on the screen (the status line is below it). */
  private static int promptIndex(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (lines.get(i).startsWith(PROMPT.strip())) {
        return i;
      }
    }
    throw new AssertionError("no prompt on the screen");
  }

  /** The bottom row of the pane: the status line. */
  private static String statusLine(String pane) {
    return statusLine(pane, HEIGHT);
  }

  private static String statusLine(String pane, int height) {
    return lines(pane).get(height - 1);
  }

  private static int indexOfLineContaining(List<String> lines, String text) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(text)) {
        return i;
      }
    }
    throw new AssertionError("no line contains \"" + text + "\"");
  }

  // ---- the other members: real clients in this JVM, with a scripted view ----

  /** Starts a {@link ChatClient} named {@code name} and waits until it has joined. */
  private TestUser startOther(String name) throws IOException {
    TestUser other = TestUser.joined(TestServers.addressOf(server), name);
    others.add(other);
    return other;
  }
}
