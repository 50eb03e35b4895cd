package udpchat.server.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static udpchat.server.journal.RoomLogTest.chat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import udpchat.protocol.json.Codec;
import udpchat.server.ClientIds;

/** A journal that does not read is never silently a new room: the start is refused. */
public class DamagedJournalTest {

  static final String ALICE = ClientIds.of("alice");

  @TempDir Path folder;
  final Codec codec = new Codec();

  Path file() {
    return folder.resolve(Journal.FILE_NAME);
  }

  void refusedAt(long offset) throws Exception {
    byte[] before = Files.readAllBytes(file());
    try (Journal journal = new Journal(folder, codec)) {
      assertThatThrownBy(() -> journal.load(10))
          .isInstanceOf(StartRefused.class)
          .hasMessageContaining(file() + " does not read as a journal")
          .hasMessageContaining("the first at byte " + offset)
          .hasMessageContaining("mv " + file() + " " + file() + ".damaged");
    }
    assertThat(Files.readAllBytes(file())).isEqualTo(before); // nothing changed on disk
  }

  @Test
  void aFileOfZerosIsRefusedNamingTheFirstBadByte() throws Exception {
    Files.write(file(), new byte[64 * 1024]); // what a crashed file system can leave
    refusedAt(0);
  }

  @Test
  void aFewZerosAreNotTakenForALineCutShort() throws Exception {
    Files.write(file(), new byte[100]);
    refusedAt(0);
  }

  @Test
  void eventsFollowedByALongRunOfZerosAreRefusedAtTheRun() throws Exception {
    try (Journal journal = new Journal(folder, codec)) {
      chat(new RoomLog(10, journal), ALICE, 1, "one");
    }
    long size = Files.size(file());
    Files.write(file(), new byte[16 * 1024], StandardOpenOption.APPEND);
    refusedAt(size);
  }

  @Test
  void aJournalThatIsMostlyDamageIsRefused() throws Exception {
    try (Journal journal = new Journal(folder, codec)) {
      chat(new RoomLog(10, journal), ALICE, 1, "one");
    }
    long size = Files.size(file());
    Files.writeString(file(), "garbage\nmore garbage\n", StandardOpenOption.APPEND);
    refusedAt(size);
  }

  @Test
  void anIsolatedDamagedLineIsStillSkippedAndCounted() throws Exception {
    try (Journal journal = new Journal(folder, codec)) {
      RoomLog log = new RoomLog(10, journal);
      chat(log, ALICE, 1, "one");
      chat(log, ALICE, 2, "two");
    }
    Files.writeString(file(), "garbage\n", StandardOpenOption.APPEND);
    try (Journal journal = new Journal(folder, codec)) {
      RoomLog log = new RoomLog(10, journal);
      chat(log, ALICE, 3, "three");
      assertThat(log.head()).isEqualTo(3);
    }
  }

  @Test
  void aLastLineCutShortIsStillDroppedNotRefused() throws Exception {
    try (Journal journal = new Journal(folder, codec)) {
      chat(new RoomLog(10, journal), ALICE, 1, "one");
    }
    Files.writeString(file(), "a\t" + ALICE + "\t2\t{\"v\":2,\"ty", StandardOpenOption.APPEND);
    try (Journal journal = new Journal(folder, codec)) {
      assertThat(new RoomLog(10, journal).head()).isEqualTo(1);
    }
  }
}
