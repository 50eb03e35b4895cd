package udpchat.server.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static udpchat.server.journal.RoomLogTest.chat;
import static udpchat.server.journal.RoomLogTest.whisper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import udpchat.crypto.RoomKey;
import udpchat.protocol.Chat;
import udpchat.protocol.Private;
import udpchat.protocol.json.Codec;
import udpchat.server.ClientIds;

/**
 * A private room's journal: sealed at rest, so a copied data folder says nothing without the key.
 */
public class SealedJournalTest {

  static final RoomKey KEY = RoomKey.derive("correct horse battery staple");
  static final String ALICE = ClientIds.of("alice");

  @TempDir Path folder;
  final Codec codec = new Codec();

  Path file() {
    return folder.resolve(Journal.FILE_NAME);
  }

  /** A private room that said something in public and something in private, then stopped. */
  void writeAPrivateRoom() throws Exception {
    try (Journal journal = new Journal(folder, codec, KEY)) {
      RoomLog log = new RoomLog(10, journal);
      chat(log, ALICE, 1, "the launch code is 0000");
      whisper(log, ALICE, 2); // "psst", alice to bob
    }
  }

  @Test
  void whatIsSaidIsNotInTheFileButReadsBackUnderTheKey() throws Exception {
    writeAPrivateRoom();

    String onDisk = Files.readString(file(), StandardCharsets.ISO_8859_1);
    assertThat(onDisk).doesNotContain("launch code", "psst", "alice", "bob", ALICE, "\"type\"");
    try (Journal journal = new Journal(folder, codec, KEY)) {
      RoomLog log = new RoomLog(10, journal);
      assertThat(log.head()).isEqualTo(2);
      assertThat(((Chat) log.get(1).message()).text()).isEqualTo("the launch code is 0000");
      assertThat(((Private) log.get(2).message()).text()).isEqualTo("psst");
      assertThat(log.get(2).audience().includes(ClientIds.of("carol"))).isFalse();
      chat(log, ALICE, 3, "and on"); // appends go on sealed
    }
    try (Journal journal = new Journal(folder, codec, KEY)) {
      assertThat(new RoomLog(10, journal).head()).isEqualTo(3);
    }
  }

  @Test
  void anotherKeyIsRefusedAndNothingOnDiskChanges() throws Exception {
    writeAPrivateRoom();
    byte[] before = Files.readAllBytes(file());

    try (Journal journal = new Journal(folder, codec, RoomKey.derive("a guess"))) {
      assertThatThrownBy(() -> journal.load(10))
          .isInstanceOf(StartRefused.class)
          .hasMessageContaining(file().toString())
          .hasMessageContaining("sealed with another room key");
    }
    assertThat(Files.readAllBytes(file())).isEqualTo(before);
  }

  @Test
  void anOpenRoomOnASealedJournalIsRefusedAndNothingOnDiskChanges() throws Exception {
    writeAPrivateRoom();
    byte[] before = Files.readAllBytes(file());

    try (Journal journal = new Journal(folder, codec)) {
      assertThatThrownBy(() -> journal.load(10))
          .isInstanceOf(StartRefused.class)
          .hasMessageContaining("private room's journal, sealed at rest")
          .hasMessageContaining("--room-key-file");
    }
    assertThat(Files.readAllBytes(file())).isEqualTo(before);
  }

  @Test
  void aPrivateRoomOnAnOpenRoomsPlainJournalIsRefused() throws Exception {
    try (Journal journal = new Journal(folder, codec)) {
      chat(new RoomLog(10, journal), ALICE, 1, "said in the open");
    }
    byte[] before = Files.readAllBytes(file());

    try (Journal journal = new Journal(folder, codec, KEY)) {
      assertThatThrownBy(() -> journal.load(10))
          .isInstanceOf(StartRefused.class)
          .hasMessageContaining("plain text");
    }
    assertThat(Files.readAllBytes(file())).isEqualTo(before);
  }

  @Test
  void aCompactedSealedJournalIsStillSealedAndReadsBack() throws Exception {
    try (Journal journal = new Journal(folder, codec, KEY)) {
      RoomLog log = new RoomLog(100, journal);
      for (int n = 1; n <= 20; n++) {
        chat(log, ALICE, n, "secret " + n);
      }
    }
    try (Journal journal = new Journal(folder, codec, KEY)) {
      assertThat(new RoomLog(3, journal).head()).isEqualTo(20); // 20 lines > 4 × 3: compacted
    }
    assertThat(Files.readAllLines(file())).hasSize(1 + 3); // the header and the last three
    assertThat(Files.readString(file())).doesNotContain("secret");
    try (Journal journal = new Journal(folder, codec, KEY)) {
      RoomLog log = new RoomLog(3, journal);
      assertThat(((Chat) log.get(20).message()).text()).isEqualTo("secret 20");
    }
  }
}
