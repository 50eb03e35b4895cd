package udpchat.client;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A tiny wrapper over the tmux command for tests that drive a program in a real pseudo-terminal.
 * Every call goes to a private tmux server ({@code tmux -L SOCKET}, started without any
 * configuration file), so a user's own tmux sessions are never touched.
 */
public final class Tmux {

  /** How long one tmux command may take before the test fails. */
  static final long COMMAND_TIMEOUT_SECONDS = 10;

  private final Path binary;
  private final String socket;

  Tmux(Path binary, String socket) {
    this.binary = binary;
    this.socket = socket;
  }

  /** The tmux executable on PATH, if there is one. */
  static Optional<Path> findOnPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, "tmux");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  String socket() {
    return socket;
  }

  /** Starts a detached session of the given size running {@code command} (argv, no shell). */
  void newSession(String session, int width, int height, String... command) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "new-session",
                "-d",
                "-s",
                session,
                "-x",
                String.valueOf(width),
                "-y",
                String.valueOf(height)));
    args.addAll(Arrays.asList(command));
    run(args.toArray(String[]::new));
  }

  /** Types {@code text} literally (no key names), as if pasted key by key. */
  void typeLiteral(String target, String text) {
    run("send-keys", "-t", target, "-l", text);
  }

  /** Presses keys by tmux key name, like {@code Enter} or {@code C-d}. */
  void pressKeys(String target, String... keys) {
    List<String> args = new ArrayList<>(List.of("send-keys", "-t", target));
    args.addAll(Arrays.asList(keys));
    run(args.toArray(String[]::new));
  }

  /** Pastes {@code text} as a terminal paste (bracketed, when the program asked for that). */
  void paste(String target, String text) {
    run("set-buffer", "-b", "udpchat-test", text);
    run("paste-buffer", "-p", "-d", "-b", "udpchat-test", "-t", target);
  }

  /** Resizes the window, as a user dragging the terminal's corner would. */
  void resize(String target, int width, int height) {
    run("resize-window", "-t", target, "-x", String.valueOf(width), "-y", String.valueOf(height));
  }

  /** The visible screen with each wrapped line joined back into one ({@code -J}). */
  String capturePaneJoined(String target) {
    return run("capture-pane", "-p", "-J", "-t", target);
  }

  /** The visible screen of the pane as plain text, one line per row. */
  String capturePane(String target) {
    return run("capture-pane", "-p", "-t", target);
  }

  /** The visible screen with colours and attributes as escape sequences ({@code -e}). */
  String capturePaneWithAttributes(String target) {
    return run("capture-pane", "-e", "-p", "-t", target);
  }

  /** A tmux format expanded for the target, like {@code #{pane_title}}, without its line end. */
  String display(String target, String format) {
    return run("display-message", "-p", "-t", target, format).stripTrailing();
  }

  /**
   * Kills the private server and everything running in it, and removes its socket file (tmux leaves
   * it behind); quiet when the server is already gone.
   */
  void killServer() {
    Path socketFile = null;
    try {
      socketFile = Path.of(run("display-message", "-p", "#{socket_path}").strip());
      run("kill-server");
    } catch (IllegalStateException e) {
      // no server running: nothing to kill
    }
    deleteQuietly(socketFile);
  }

  /**
   * Runs {@code tmux -L SOCKET -f /dev/null ARGS}, waits up to {@link #COMMAND_TIMEOUT_SECONDS} and
   * returns its standard output.
   *
   * @throws IllegalStateException when tmux fails or takes too long, with its error output
   */
  String run(String... args) {
    List<String> command =
        new ArrayList<>(List.of(binary.toString(), "-L", socket, "-f", "/dev/null"));
    command.addAll(Arrays.asList(args));
    Path out = null;
    Path err = null;
    try {
      // Files, not pipes: the tmux server daemonises, and nothing it inherits can block a read.
      out = Files.createTempFile("tmux-out", ".txt");
      err = Files.createTempFile("tmux-err", ".txt");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      // Run from inside someone's tmux, these would point tmux at their session.
      builder.environment().remove("TMUX");
      builder.environment().remove("TMUX_PANE");
      Process process = builder.start();
      if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "tmux took over " + COMMAND_TIMEOUT_SECONDS + " s: " + String.join(" ", command));
      }
      String stdout = Files.readString(out, StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "tmux exited with "
                + process.exitValue()
                + ": "
                + String.join(" ", command)
                + "\n"
                + Files.readString(err, StandardCharsets.UTF_8).strip());
      }
      return stdout;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a leftover temporary file is harmless
      }
    }
  }
}
