package udpchat.bench.target;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A program under test in a JVM of its own (the chat server, or the {@link Reflector}), started
 * from the bench's own class path with the same java, so that its CPU time and memory are its own
 * and can be read from its pid. Its output is kept line by line by a thread that ends with it.
 */
public final class ChildProcess implements AutoCloseable {

  private final Process process;
  private final String name;
  private final List<String> output = new CopyOnWriteArrayList<>();
  private final Thread reader;

  /** Ends the child if the bench is stopped (Ctrl-C) before it closes it. */
  private final Thread orphanGuard;

  private ChildProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    this.orphanGuard = new Thread(process::destroyForcibly, "udpchat-bench-stop-" + name);
    Runtime.getRuntime().addShutdownHook(orphanGuard);
    this.reader = new Thread(this::readOutput, "udpchat-bench-output-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code mainClass} with the JVM options and arguments. */
  static ChildProcess start(
      String name, List<String> jvmOptions, String mainClass, List<String> args)
      throws IOException {
    return start(name, List.of(), jvmOptions, mainClass, args);
  }

  /** The same at the lowest CPU priority: a load that must not take what is measured's CPU. */
  static ChildProcess startNiced(
      String name, List<String> jvmOptions, String mainClass, List<String> args)
      throws IOException {
    return start(name, List.of("nice", "-n", "19"), jvmOptions, mainClass, args);
  }

  private static ChildProcess start(
      String name,
      List<String> launcher,
      List<String> jvmOptions,
      String mainClass,
      List<String> args)
      throws IOException {
    List<String> command = new ArrayList<>(launcher);
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.addAll(jvmOptions);
    command.add(mainClass);
    command.addAll(args);
    return new ChildProcess(name, new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  public long pid() {
    return process.pid();
  }

  List<String> output() {
    return output;
  }

  /** Waits for a line matching {@code pattern}; its match. */
  public Matcher await(Pattern pattern, long timeoutMs) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMs * 1_000_000; // a wait: no clock step moves it
    int seen = 0;
    while (System.nanoTime() - deadline < 0) {
      for (; seen < output.size(); seen++) {
        Matcher match = pattern.matcher(output.get(seen));
        if (match.find()) {
          return match;
        }
      }
      if (!process.isAlive() && seen >= output.size()) {
        break;
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException(
        name
            + " did not print /"
            + pattern
            + "/ in time; its output: "
            + String.join("\n", output));
  }

  /** The first output line matching {@code pattern}, or null. */
  public Matcher find(Pattern pattern) {
    for (String line : output) {
      Matcher match = pattern.matcher(line);
      if (match.find()) {
        return match;
      }
    }
    return null;
  }

  private void readOutput() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      lines.lines().forEach(output::add);
    } catch (IOException | UncheckedIOException e) {
      output.add("reading the output failed: " + e);
    }
  }

  /** Asks it to stop (SIGTERM, so the server says goodbye and logs its counts), then ends it. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      // Through the handle: Process.destroy() would also close the output before the last lines.
      process.toHandle().destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    reader.join(2000); // the last lines, written as it stopped
    try {
      Runtime.getRuntime().removeShutdownHook(orphanGuard);
    } catch (IllegalStateException e) {
      // the JVM is shutting down already: the hook ends the process, which has ended anyway
    }
  }
}
