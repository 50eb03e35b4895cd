package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import udpchat.cli.CommandLines;

public class ChatClientCommandTest {

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return CommandLines.of(new ChatClientCommand())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void helpExplainsEveryOptionAndExitsZero() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString())
        .contains(
            "--host",
            "--port",
            "--name",
            "--heartbeat",
            "--plain",
            "--no-color",
            "--discover",
            "--discover-to",
            "--discovery-port",
            "--room-key-file",
            "UDPCHAT_ROOM_KEY",
            "--server-key",
            "known_servers",
            "9998",
            "9999");
  }

  @Test
  void theRangesAreInTheHelp() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains("--host, 1 to 65535", "discovery on, 1 to 65535", "100ms to 20m");
  }

  @Test
  void anInvalidNameIsRefusedBeforeAnythingStarts() {
    assertThat(run("--name", "two words")).isEqualTo(2);
    assertThat(err.toString()).contains("--name: a name has only letters, digits and _ - .");
  }

  @Test
  void badValuesAreRefusedWithStatusTwo() {
    assertThat(run("--heartbeat", "soon")).isEqualTo(2);
    assertThat(err.toString()).contains("'soon' is not a duration");
    assertThat(run("--port", "0")).isEqualTo(2);
    assertThat(run("--frobnicate")).isEqualTo(2);
  }

  @Test
  void aHeartbeatOutOfRangeIsOneLineAndAHint() {
    assertThat(run("--heartbeat", "1ms")).isEqualTo(2);
    assertThat(err.toString().lines())
        .containsExactly(
            "chat-client: --heartbeat 1ms is out of range: between 100ms and 20m",
            "try --help for the options");
  }

  @Test
  void aMalformedServerKeyIsOneLineAndAHint() {
    assertThat(run("--host", "127.0.0.1", "--name", "bob", "--server-key", "SHA256:nope"))
        .isEqualTo(2);
    assertThat(err.toString().lines())
        .containsExactly(
            "chat-client: --server-key: a fingerprint is SHA256: and 52 base32 characters, not"
                + " SHA256:nope",
            "try --help for the options");
  }

  @Test
  void aServerKeyThatIsNoFingerprintAtAllSaysWhatOneLooksLike() {
    assertThat(run("--host", "127.0.0.1", "--name", "bob", "--server-key", "deadbeef"))
        .isEqualTo(2);
    assertThat(err.toString().lines()).hasSize(2);
    assertThat(err.toString())
        .contains("or its short form abcde-fghij-klmno-pqrst", "not 'deadbeef'", "try --help");
  }

  @Test
  void theVersionIsThePomsVersion() {
    assertThat(run("-V")).isZero();
    assertThat(out.toString().strip()).isEqualTo("chat-client " + udpchat.cli.Version.number());
    assertThat(udpchat.cli.Version.number()).doesNotContain("$").contains(".");
  }

  /** Before: a stack trace of FileAlreadyExistsException. */
  @Test
  void aHomeThatCannotBeAFolderIsSaidInOneLine(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
    String before = System.getProperty("udpchat.home");
    System.setProperty("udpchat.home", file.toString());
    try {
      assertThat(run("--host", "127.0.0.1", "--port", "9", "--name", "bob", "--plain"))
          .isEqualTo(1);
    } finally {
      if (before == null) {
        System.clearProperty("udpchat.home");
      } else {
        System.setProperty("udpchat.home", before);
      }
    }
    assertThat(err.toString().lines())
        .containsExactly(
            "chat-client: cannot use "
                + file
                + " (FileAlreadyExistsException); -Dudpchat.home=DIR chooses the folder");
  }
}
