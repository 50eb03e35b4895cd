package udpchat.server.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static udpchat.server.journal.RoomLogTest.chat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import udpchat.crypto.RoomKey;
import udpchat.protocol.json.Codec;
import udpchat.server.ClientIds;

/** The data folder: one owner at a time, and nothing in it that others may read. */
public class DataFolderTest {

  @TempDir Path temp;

  static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void aSecondClaimIsRefusedNamingTheHolderUntilTheFirstLetsGo() throws Exception {
    Path data = temp.resolve("data");
    try (DataFolder first = DataFolder.claim(data, "pid 123, UDP 127.0.0.1:9999")) {
      assertThatThrownBy(() -> DataFolder.claim(data, "pid 456, UDP 127.0.0.1:10000"))
          .isInstanceOf(StartRefused.class)
          .hasMessage(
              "the data folder "
                  + data
                  + " is in use by another server (pid 123, UDP 127.0.0.1:9999): give each server"
                  + " its own --data folder, or stop that one first");
    }
    try (DataFolder second = DataFolder.claim(data, "pid 456, UDP 127.0.0.1:10000")) {
      assertThat(second.path()).isEqualTo(data);
    }
  }

  @Test
  void foldersAre0700AndFiles0600FromTheirCreation() throws Exception {
    Path data = temp.resolve("home/server/room");
    try (DataFolder claimed = DataFolder.claim(data, "pid 1");
        Journal journal = new Journal(data, new Codec(), RoomKey.derive("k"))) {
      RoomLog log = new RoomLog(1, journal);
      for (int n = 1; n <= 6; n++) {
        chat(log, ClientIds.of("alice"), n, "hello");
      }
      assertThat(mode(temp.resolve("home"))).isEqualTo("rwx------");
      assertThat(mode(temp.resolve("home/server"))).isEqualTo("rwx------");
      assertThat(mode(data)).isEqualTo("rwx------");
      assertThat(mode(data.resolve(DataFolder.LOCK_NAME))).isEqualTo("rw-------");
      assertThat(mode(data.resolve(Journal.FILE_NAME))).isEqualTo("rw-------");
    }
    try (Journal journal = new Journal(data, new Codec(), RoomKey.derive("k"))) {
      new RoomLog(1, journal); // 7 lines > 4 × 1: compacted into a new file
    }
    assertThat(mode(data.resolve(Journal.FILE_NAME))).isEqualTo("rw-------");
  }

  @Test
  void eachRoomHasADefaultFolderOfItsOwnThatNoNameClimbsOutOf() throws Exception {
    Path home = temp.resolve("home");
    assertThat(DefaultDataFolder.of(home, "udpchat")).isEqualTo(home.resolve("server/udpchat"));
    assertThat(DefaultDataFolder.of(home, "dev")).isEqualTo(home.resolve("server/dev"));
    assertThat(DefaultDataFolder.fileName("..")).isEqualTo("%2E%2E");
    assertThat(DefaultDataFolder.fileName("a/b c")).isEqualTo("a%2Fb%20c");
    assertThat(DefaultDataFolder.fileName("café")).isEqualTo("caf%C3%A9");
  }

  @Test
  void theDefaultRoomAdoptsTheJournalOfTheOlderSharedDefaultOnce() throws Exception {
    Path home = temp.resolve("home");
    Path legacy = home.resolve("server").resolve(Journal.FILE_NAME);
    Files.createDirectories(legacy.getParent());
    Files.writeString(legacy, "old events\n");

    assertThat(DefaultDataFolder.of(home, "dev")).isEqualTo(home.resolve("server/dev"));
    assertThat(legacy).exists(); // another room's server only says how to move it

    Path folder = DefaultDataFolder.of(home, "udpchat");
    assertThat(legacy).doesNotExist();
    assertThat(folder.resolve(Journal.FILE_NAME)).hasContent("old events");
  }
}
