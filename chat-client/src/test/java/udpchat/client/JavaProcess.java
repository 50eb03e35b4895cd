package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * One of our programs in a JVM of its own, as a user runs it, on this test JVM's class path: its
 * output (standard output and error) is kept line by line, and it can be typed to and signalled.
 */
public final class JavaProcess implements AutoCloseable {

  static final Duration PATIENCE = Duration.ofSeconds(30);

  private final Process process;
  private final Writer input;
  final List<String> output = new CopyOnWriteArrayList<>();

  private JavaProcess(Process process) {
    this.process = process;
    this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readOutput, "output-of-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code main} with the JVM options ({@code -Dname=value}) and the arguments. */
  static JavaProcess start(List<String> jvmOptions, Class<?> main, String... args)
      throws IOException {
    return start(List.of(), jvmOptions, main, args);
  }

  /** The same, run by {@code prefix} (like {@code ip netns exec NAME}), which execs java. */
  static JavaProcess start(
      List<String> prefix, List<String> jvmOptions, Class<?> main, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(prefix);
    command.add(javaBinary());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.addAll(jvmOptions);
    command.add(main.getName());
    command.addAll(List.of(args));
    return new JavaProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  /**
   * A Logback configuration in {@code folder} that logs to standard output as {@code LEVEL
   * message}, for a server process whose log lines a test reads (both programs' logback.xml are on
   * the test class path, so the server's own is not the one found).
   */
  static String consoleLogging(Path folder) throws IOException {
    Path logging = folder.resolve("logback.xml");
    Files.writeString(
        logging,
        "<configuration><appender name='OUT' class='ch.qos.logback.core.ConsoleAppender'>"
            + "<encoder><pattern>%level %msg%n</pattern></encoder></appender>"
            + "<root level='INFO'><appender-ref ref='OUT'/></root></configuration>");
    return "-Dlogback.configurationFile=" + logging;
  }

  /** The java of this JVM, so the programs run on the JDK the tests run on. */
  static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  long pid() {
    return process.pid();
  }

  /** Waits for an output line that contains {@code text}, and returns it. */
  String awaitOutput(String text) {
    return Awaitility.await()
        .atMost(PATIENCE)
        .until(
            () -> output.stream().filter(line -> line.contains(text)).findFirst().orElse(null),
            line -> line != null);
  }

  /** Types one line. */
  void type(String line) throws IOException {
    input.write(line + "\n");
    input.flush();
  }

  /** Sends a signal by name (STOP, CONT, INT, TERM), as kill does. */
  void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS)).as("kill -" + name).isTrue();
  }

  /** Waits for the program to end; its exit status. */
  int awaitExit() throws InterruptedException {
    assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS))
        .as("the process ends within " + PATIENCE)
        .isTrue();
    return process.exitValue();
  }

  private void readOutput() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      out.lines().forEach(output::add);
    } catch (IOException | UncheckedIOException e) {
      output.add("reading the output failed: " + e);
    }
  }

  /** Ends the program if it still runs (waking it first, should it be stopped). */
  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      signal("CONT"); // a stopped process cannot end until it runs again
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
