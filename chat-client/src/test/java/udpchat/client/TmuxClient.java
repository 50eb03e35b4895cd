package udpchat.client;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import udpchat.server.ChatServer;

/**
 * The real {@link ChatClientCommand} in a session of a private tmux server, started from a script
 * that prints its exit status and lingers, with what a test needs to read its screen and stop it.
 */
final class TmuxClient implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(30);
  static final Duration POLL = Duration.ofMillis(200);

  final Tmux tmux;
  private final List<ProcessHandle> panes = new ArrayList<>();

  TmuxClient(Tmux tmux) {
    this.tmux = tmux;
  }

  /**
   * Starts {@code chat-client --host 127.0.0.1 --port PORT --name NAME OPTIONS} in a new session
   * named {@code session} of {@code width} by {@code height}, its home folder under {@code temp}.
   */
  void start(
      String session, int width, int height, Path temp, int port, String name, String... options)
      throws IOException {
    Path home = Files.createDirectories(temp.resolve(name + "-home"));
    List<String> command =
        new ArrayList<>(
            List.of(
                JavaProcess.javaBinary(),
                "-cp",
                clientClassPath(),
                "-Dudpchat.home=" + home,
                ChatClientCommand.class.getName(),
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--name",
                name));
    command.addAll(Arrays.asList(options));
    Path script = temp.resolve(name + ".sh");
    Files.writeString(
        script,
        "TERM=xterm-256color\nexport TERM\nunset NO_COLOR\n"
            + command.stream().map(TmuxClient::shellQuote).collect(Collectors.joining(" "))
            + "\necho \"EXIT=$?\"\nsleep 30\n",
        StandardCharsets.UTF_8);
    tmux.newSession(session, width, height, "sh", script.toString());
    long panePid = Long.parseLong(tmux.display(session, "#{pane_pid}"));
    ProcessHandle.of(panePid).ifPresent(panes::add);
  }

  /** The client's JVM in the first session's pane. */
  ProcessHandle client() {
    return panes
        .get(0)
        .descendants()
        .filter(p -> p.info().command().orElse("").endsWith("java"))
        .findFirst()
        .orElseThrow();
  }

  /** Waits until the pane of {@code session} passes {@code assertion}; the pane in the failure. */
  void awaitPane(String session, String what, Consumer<List<String>> assertion) {
    await(what)
        .atMost(WAIT)
        .pollInterval(POLL)
        .untilAsserted(
            () -> {
              String pane = tmux.capturePane(session);
              try {
                assertion.accept(lines(pane));
              } catch (AssertionError e) {
                throw new AssertionError(e.getMessage() + "\n--- pane ---\n" + pane, e);
              }
            });
  }

  static List<String> lines(String pane) {
    return Arrays.stream(pane.split("\n", -1)).map(String::stripTrailing).toList();
  }

  /**
   * This JVM's class path without the test classes and the server: what the client needs. Its
   * logging must be its own ({@code logback.xml}, to a file): the tests' {@code logback-test.xml}
   * would log onto the very terminal under test, and a second {@code logback.xml} (the server's)
   * makes logback print a warning there.
   */
  static String clientClassPath() {
    List<Path> excluded = List.of(codeSource(TmuxClient.class), codeSource(ChatServer.class));
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !entry.isEmpty())
        .filter(entry -> !excluded.contains(Path.of(entry).toAbsolutePath()))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toAbsolutePath();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String shellQuote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** Kills the tmux server, then makes sure the clients it ran have ended too. */
  @Override
  public void close() {
    stop(tmux, panes);
  }

  /**
   * Kills {@code tmux}'s server, then waits for what ran in {@code panes} (a few seconds each), and
   * kills what does not end. Their descendants are taken first: once the shell is gone, the JVM is
   * no longer one of them.
   */
  static void stop(Tmux tmux, List<ProcessHandle> panes) {
    List<ProcessHandle> processes = new ArrayList<>(panes);
    panes.forEach(pane -> pane.descendants().forEach(processes::add));
    tmux.killServer();
    for (ProcessHandle process : processes) {
      try {
        process.onExit().get(5, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException e) {
        process.destroyForcibly();
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
