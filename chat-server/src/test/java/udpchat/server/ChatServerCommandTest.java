package udpchat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpchat.cli.CommandLines;
import udpchat.cli.Version;
import udpchat.server.journal.DataFolder;
import udpchat.server.journal.Journal;

public class ChatServerCommandTest {

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return CommandLines.of(new ChatServerCommand())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void helpExplainsEveryOptionAndExitsZero() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("--bind", "--port", "--timeout", "--sweep", "15s", "1s");
    assertThat(out.toString()).contains("--room", "--discovery-port", "9998", "--no-discovery");
    assertThat(out.toString())
        .contains("--history", "1000", "--backlog", "20", "--data", "--simulate-loss");
    assertThat(out.toString())
        .contains(
            "--max-members",
            "room-full",
            "--max-per-address",
            "64",
            "--rate-limit",
            "0 (no limit)",
            "--burst",
            "2000");
    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains("--room-key-file", "UDPCHAT_ROOM_KEY", "--room-key", "in the process list (ps)");
  }

  @Test
  void bothRoomKeyOptionsAreRefusedWithStatusTwo() {
    assertThat(run("--room-key", "a", "--room-key-file", "b")).isEqualTo(2);
    assertThat(err.toString()).contains("give --room-key-file or --room-key, not both");
  }

  @Test
  @Timeout(30)
  void aPortInUseIsSaidInOneLineWithStatusOne(@TempDir Path data) throws Exception {
    try (DatagramSocket taken = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThat(
              run(
                  "--bind",
                  "127.0.0.1",
                  "--port",
                  "" + port,
                  "--data",
                  data.toString(),
                  "--no-discovery"))
          .isEqualTo(1);
      assertThat(err.toString())
          .startsWith("chat-server: cannot listen on UDP 127.0.0.1:" + port + ": ")
          .contains("--port chooses another")
          .doesNotContain("\tat ");
    }
  }

  @Test
  @Timeout(30)
  void aDamagedJournalRefusesTheStartInOneLineAndLeavesThePortAndFolderFree(@TempDir Path data)
      throws Exception {
    Files.write(data.resolve(Journal.FILE_NAME), new byte[10_000]);
    int port;
    try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }

    assertThat(
            run("--bind", "127.0.0.1", "--port", "" + port, "--data", "" + data, "--no-discovery"))
        .isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "chat-server: "
                + data.resolve(Journal.FILE_NAME)
                + " does not read as a journal: 1 of 1 lines damaged, the first at byte 0;"
                + " nothing was changed. Move it aside to start the room afresh (mv "
                + data.resolve(Journal.FILE_NAME)
                + " "
                + data.resolve(Journal.FILE_NAME + ".damaged")
                + "), or restore it from a copy");
    // What the failed start opened was closed: the socket, the lock, the journal.
    new DatagramSocket(port, InetAddress.getLoopbackAddress()).close();
    DataFolder.claim(data, "the next server").close();
  }

  @Test
  void aUsageErrorIsOneLineAndAHintNeverTheHelpOrAStackTrace() {
    assertThat(run("--timeout", "1ms")).isEqualTo(2);
    assertThat(err.toString().lines())
        .containsExactly(
            "chat-server: --timeout 1ms is out of range: between 300ms (a heartbeat every 100ms)"
                + " and 1h",
            "try --help for the options");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aSweepLongerThanTheTimeoutIsRefused() {
    assertThat(run("--sweep", "10h")).isEqualTo(2);
    assertThat(err.toString().lines())
        .containsExactly(
            "chat-server: --sweep 10h is out of range: between 10ms and --timeout (15s)",
            "try --help for the options");
  }

  @Test
  void theVersionIsThePomsVersion() {
    assertThat(run("-V")).isZero();
    assertThat(out.toString().strip()).isEqualTo("chat-server " + Version.number());
    assertThat(Version.number()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }

  @Test
  void anUnknownOptionIsOneLineAndAHint() {
    assertThat(run("--colour", "blue")).isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(2).last().isEqualTo("try --help for the options");
    assertThat(err.toString()).startsWith("chat-server: Unknown options: '--colour', 'blue'");
  }

  @Test
  void aBadDurationIsRefusedWithAHintAndStatusTwo() {
    assertThat(run("--timeout", "5x")).isEqualTo(2);
    assertThat(err.toString()).contains("'5x' is not a duration", "500ms, 5s, 2m");
  }

  @Test
  void anUnknownOptionIsRefusedWithStatusTwo() {
    assertThat(run("--colour", "blue")).isEqualTo(2);
    assertThat(err.toString()).contains("Unknown options: '--colour', 'blue'");
  }

  @Test
  void outOfRangeValuesAreRefusedWithStatusTwo() {
    assertThat(run("--port", "70000")).isEqualTo(2);
    assertThat(err.toString()).contains("--port 70000 is out of range: between 0 and 65535");
    assertThat(run("--sweep", "0s")).isEqualTo(2);
    assertThat(run("--bind", "not an address!")).isEqualTo(2);
    assertThat(run("--room", "two words")).isEqualTo(2);
    assertThat(run("--discovery-port", "-1")).isEqualTo(2);
    assertThat(run("--max-members", "0")).isEqualTo(2);
    assertThat(run("--max-per-address", "0")).isEqualTo(2);
    assertThat(run("--rate-limit", "-1")).isEqualTo(2);
    assertThat(run("--burst", "0")).isEqualTo(2);
    assertThat(err.toString())
        .contains(
            "--max-members 0 is out of range: between 1 and 100000",
            "--max-per-address 0 is out of range: between 1 and 100000",
            "--rate-limit -1 is out of range: between 0 and 1000000",
            "--burst 0 is out of range: between 1 and 1000000");
  }

  /** Before: a ring of two billion events was allocated, and the JVM died of OutOfMemoryError. */
  @Test
  void everyCountHasAnUpperBoundSaidInOneLine() {
    assertThat(run("--history", "2000000000")).isEqualTo(2);
    assertThat(err.toString().lines())
        .containsExactly(
            "chat-server: --history 2000000000 is out of range: between 1 and 100000",
            "try --help for the options");
    assertThat(run("--history", "50", "--backlog", "51")).isEqualTo(2);
    assertThat(err.toString()).contains("--backlog 51 is out of range: between 0 and 50");
    assertThat(run("--max-members", "2000000000")).isEqualTo(2);
    assertThat(run("--rate-limit", "2000000000")).isEqualTo(2);
    assertThat(run("--burst", "2000000000")).isEqualTo(2);
    assertThat(err.toString()).doesNotContain("\tat ", "Exception");
  }

  @Test
  void theRangesAreInTheHelp() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains(
            "0 to 65535",
            "without --host, 0 to 65535",
            "300ms to 1h",
            "10ms up to --timeout",
            "1 to 100000 (default: 1000)",
            "0 up to --history",
            "0 (no limit) to 1000000",
            "1 to 1000000");
  }

  /** Before: a stack trace of FileAlreadyExistsException, 20 lines long. */
  @Test
  @Timeout(30)
  void aDataFolderThatIsAFileIsSaidInOneLine(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    assertThat(run("--bind", "127.0.0.1", "--port", "0", "--no-discovery", "--data", file + ""))
        .isEqualTo(1);
    assertThat(err.toString().lines())
        .containsExactly(
            "chat-server: cannot use "
                + file
                + " (FileAlreadyExistsException); --data chooses the folder");
  }

  /** The real program, as run.sh starts it: main() says a usage error the same way. */
  @Test
  @Timeout(60)
  void aRealProcessSaysAUsageErrorInOneLineWithStatusTwo() throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process server =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                ChatServerCommand.class.getName(),
                "--history",
                "2000000000")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    String stderr = new String(server.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(server.waitFor(50, TimeUnit.SECONDS)).isTrue();
    assertThat(server.exitValue()).isEqualTo(2);
    assertThat(stderr.lines())
        .containsExactly(
            "chat-server: --history 2000000000 is out of range: between 1 and 100000",
            "try --help for the options");
  }
}
