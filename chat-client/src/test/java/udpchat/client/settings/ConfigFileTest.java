package udpchat.client.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config file on a real disk: what is written is read back, privately and atomically. */
class ConfigFileTest {

  @TempDir Path home;

  @Test
  void whatIsWrittenIsReadBack() throws Exception {
    Path file = home.resolve(ConfigFile.NAME);
    Settings settings =
        Settings.DEFAULTS.ignoring("bob").ignoring("Ｃarol").with(Setting.TIME_FORMAT, "HH:mm");

    ConfigFile.write(file, settings);
    ConfigFile.Loaded loaded = ConfigFile.read(file);

    assertThat(loaded.problems()).isEmpty();
    assertThat(loaded.settings()).isEqualTo(settings);
    assertThat(Files.readString(file))
        .startsWith("#")
        .contains("ignore bob\n", "ignore Ｃarol\n", "set time_format HH:mm\n");
  }

  @Test
  void noFileMeansTheDefaultsAndNoComplaint() {
    ConfigFile.Loaded loaded = ConfigFile.read(home.resolve("config"));

    assertThat(loaded.settings()).isEqualTo(Settings.DEFAULTS);
    assertThat(loaded.settings().value(Setting.TIME_FORMAT)).isEqualTo("HH:mm:ss");
    assertThat(loaded.problems()).isEmpty();
  }

  @Test
  void theFileIsMadeOwnerOnlyAndItsFolderToo() throws Exception {
    Path file = home.resolve("new-folder").resolve(ConfigFile.NAME);

    ConfigFile.write(file, Settings.DEFAULTS.ignoring("bob"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
  }

  @Test
  void aWriteReplacesTheFileWholeInOneRename() throws Exception {
    Path file = home.resolve(ConfigFile.NAME);
    ConfigFile.write(file, Settings.DEFAULTS.ignoring("bob"));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    Object before = Files.readAttributes(file, "unix:ino").get("ino");

    try (InputStream reading = Files.newInputStream(file)) {
      ConfigFile.write(file, Settings.DEFAULTS.ignoring("carol"));

      // A reader of the old file still reads it whole: the new one is another file renamed in.
      assertThat(new String(reading.readAllBytes(), StandardCharsets.UTF_8))
          .contains("ignore bob")
          .doesNotContain("carol");
    }
    assertThat(Files.readAttributes(file, "unix:ino").get("ino")).isNotEqualTo(before);
    assertThat(ConfigFile.read(file).settings().ignored()).containsExactly("carol");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var left = Files.list(home)) {
      assertThat(left).containsExactly(file); // no temporary file left beside it
    }
  }

  @Test
  void eachBadLineIsNamedByItsNumberAndTheRestIsUsed() throws Exception {
    Path file = home.resolve(ConfigFile.NAME);
    byte[] notUtf8 = {'i', 'g', 'n', 'o', 'r', 'e', ' ', (byte) 0xff, (byte) 0xfe, '\n'};
    String before = "# mine\n\nignore bob\nset time_format HH:mm\n";
    String after =
        "frobnicate\n"
            + "set colour red\n"
            + "set time_format hh\n"
            + "ignore b@d\n"
            + "ignore two words\n"
            + "   ignore   dave   \n";
    Files.write(file, concat(before.getBytes(StandardCharsets.UTF_8), notUtf8, after.getBytes()));

    ConfigFile.Loaded loaded = ConfigFile.read(file);

    assertThat(loaded.settings().ignored()).containsExactly("bob", "dave");
    assertThat(loaded.settings().value(Setting.TIME_FORMAT)).isEqualTo("HH:mm");
    assertThat(loaded.problems())
        .hasSize(6)
        .satisfiesExactly(
            p -> assertThat(p).contains("line 5 ", "not UTF-8"),
            p -> assertThat(p).contains("line 6 ", "expected: ignore NAME, or set KEY VALUE"),
            p -> assertThat(p).contains("line 7 ", "no setting colour", "time_format"),
            p -> assertThat(p).contains("line 8 ", "time_format is one of HH:mm:ss | HH:mm"),
            p -> assertThat(p).contains("line 9 ", "letters, digits"),
            p -> assertThat(p).contains("line 10 ", "expected: ignore NAME"));
    assertThat(loaded.problems()).allSatisfy(p -> assertThat(p).startsWith(file.toString()));
  }

  @Test
  void aFileThatCannotBeReadGivesTheDefaultsAndOneLine() throws Exception {
    Path folderInItsPlace = Files.createDirectory(home.resolve(ConfigFile.NAME));

    ConfigFile.Loaded loaded = ConfigFile.read(folderInItsPlace);

    assertThat(loaded.settings()).isEqualTo(Settings.DEFAULTS);
    assertThat(loaded.problems()).singleElement().asString().contains("cannot read", "defaults");
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
