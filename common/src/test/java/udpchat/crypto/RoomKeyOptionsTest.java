package udpchat.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

class RoomKeyOptionsTest {

  @Command(name = "test")
  static final class Program {
    @Mixin RoomKeyOptions key;
  }

  @TempDir Path dir;

  @Test
  void noOptionAndNoEnvironmentIsAnOpenRoom() {
    assertThat(options().roomKey(null)).isNull();
    assertThat(options().roomKey("")).isNull();
  }

  @Test
  void theKeyFileTheOptionAndTheEnvironmentGiveTheSameKey() throws IOException {
    Path file = Files.writeString(dir.resolve("key"), "s3cret words\nsecond line ignored\n");
    String fromFile = hex(options("--room-key-file", file.toString()).roomKey(null));
    assertThat(hex(options("--room-key", "s3cret words").roomKey(null))).isEqualTo(fromFile);
    assertThat(hex(options().roomKey("s3cret words"))).isEqualTo(fromFile);
  }

  @Test
  void anOptionWinsOverTheEnvironment() {
    assertThat(hex(options("--room-key", "a").roomKey("b"))).isEqualTo(hex(options().roomKey("a")));
  }

  @Test
  void refusesBothOptionsAnEmptyFileAndAMissingFile() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    assertThatThrownBy(
            () -> options("--room-key-file", empty.toString(), "--room-key", "x").roomKey(null))
        .isInstanceOf(ParameterException.class)
        .hasMessage("give --room-key-file or --room-key, not both");
    assertThatThrownBy(() -> options("--room-key-file", empty.toString()).roomKey(null))
        .isInstanceOf(ParameterException.class)
        .hasMessage("the room key is empty (the first line of " + empty + ")");
    Path missing = dir.resolve("missing");
    assertThatThrownBy(() -> options("--room-key-file", missing.toString()).roomKey(null))
        .isInstanceOf(ParameterException.class)
        .hasMessageStartingWith("cannot read --room-key-file " + missing);
  }

  @Test
  void warnsWhenOthersCanReadTheKeyFile() throws IOException {
    Path file = Files.writeString(dir.resolve("key"), "s3cret words\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    StringWriter err = new StringWriter();
    assertThat(options(err, "--room-key-file", file.toString()).roomKey(null)).isNotNull();
    assertThat(err.toString())
        .contains("warning: other users can read the room key file " + file, "chmod 600");

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    StringWriter quiet = new StringWriter();
    options(quiet, "--room-key-file", file.toString()).roomKey(null);
    assertThat(quiet.toString()).isEmpty();
  }

  private static RoomKeyOptions options(String... args) {
    return options(new StringWriter(), args);
  }

  private static RoomKeyOptions options(StringWriter err, String... args) {
    Program program = new Program();
    new CommandLine(program).setErr(new PrintWriter(err, true)).parseArgs(args);
    return program.key;
  }

  private static String hex(RoomKey key) {
    return HexFormat.of().formatHex(key.secretKey().getEncoded());
  }
}
