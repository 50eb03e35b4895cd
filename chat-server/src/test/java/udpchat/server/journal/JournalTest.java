package udpchat.server.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.server.journal.RoomLogTest.chat;
import static udpchat.server.journal.RoomLogTest.notice;
import static udpchat.server.journal.RoomLogTest.whisper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import udpchat.protocol.Drops;
import udpchat.protocol.Join;
import udpchat.protocol.Posted;
import udpchat.protocol.Say;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;
import udpchat.server.ClientIds;
import udpchat.server.ServerConfig;
import udpchat.server.room.Admit;
import udpchat.server.room.RecordingOutbox;
import udpchat.server.room.Room;

/** The room's events on disk: what a restarted server (even after kill -9) reads back. */
public class JournalTest {

  static final String ALICE = ClientIds.of("alice");

  @TempDir Path folder;

  final Codec codec = new Codec();
  final List<Journal> opened = new ArrayList<>();

  /** A server process's journal; closed after the test if the test did not close it. */
  Journal open() throws IOException {
    Journal journal = new Journal(folder, codec);
    opened.add(journal);
    return journal;
  }

  @AfterEach
  void closeEveryJournal() throws Exception {
    for (Journal journal : opened) {
      journal.close();
    }
  }

  @Test
  void eventsSurviveACloseAndTheNextProcessGoesOnNumbering() throws Exception {
    Journal first = open();
    RoomLog before = new RoomLog(10, first);
    List<RoomEvent> written = new ArrayList<>();
    written.add(notice(before)); // 1
    written.add(chat(before, ALICE, 1, "one")); // 2
    written.add(notice(before)); // 3
    written.add(chat(before, ALICE, 2, "two")); // 4
    written.add(chat(before, ALICE, 3, "three")); // 5
    first.close();
    assertThat(Files.readAllLines(first.file())).hasSize(5);
    assertThat(first.file().getFileName()).hasToString(Journal.FILE_NAME);

    RoomLog after = new RoomLog(3, open()); // keeps the last 3
    assertThat(after.head()).isEqualTo(5);
    assertThat(after.oldest()).isEqualTo(3);
    assertThat(after.get(2)).isNull();
    for (long seq = 3; seq <= 5; seq++) {
      assertThat(after.get(seq)).isEqualTo(written.get((int) seq - 1));
    }
    assertThat(after.postedAs(ALICE, 3)).isEqualTo(5);
    assertThat(after.lastPosted(ALICE)).isEqualTo(3);
    assertThat(notice(after).seq()).isEqualTo(6);
  }

  @Test
  void aStartThatFindsManyTimesWhatItKeepsCompactsTheFileToThatAndGoesOnNumbering()
      throws Exception {
    Journal first = open();
    RoomLog before = new RoomLog(100, first);
    List<RoomEvent> written = new ArrayList<>();
    for (int i = 1; i <= 13; i++) {
      written.add(i % 2 == 0 ? notice(before) : chat(before, ALICE, (i + 1) / 2, "message " + i));
    }
    first.close();
    assertThat(Files.readAllLines(first.file())).hasSize(13);

    Journal second = open();
    RoomLog compacted = new RoomLog(3, second); // 13 lines: more than 4 times 3
    assertThat(Files.readAllLines(second.file())).hasSize(3);
    assertThat(Files.exists(folder.resolve(Journal.FILE_NAME + ".compacting"))).isFalse();
    assertThat(compacted.head()).isEqualTo(13);
    assertThat(compacted.lastPosted(ALICE)).isEqualTo(7);
    RoomEvent fourteenth = chat(compacted, ALICE, 8, "after the compaction");
    assertThat(fourteenth.seq()).isEqualTo(14);
    second.close();

    RoomLog again = new RoomLog(3, open()); // 4 lines: kept as they are
    assertThat(Files.readAllLines(second.file())).hasSize(4);
    assertThat(again.head()).isEqualTo(14);
    assertThat(again.get(12)).isEqualTo(written.get(11));
    assertThat(again.get(13)).isEqualTo(written.get(12));
    assertThat(again.get(14)).isEqualTo(fourteenth);
  }

  @Test
  void anEmptyJournalStartsAtOne() throws Exception {
    RoomLog log = new RoomLog(3, open());
    assertThat(log.head()).isZero();
    assertThat(log.oldest()).isEqualTo(1);
    assertThat(notice(log).seq()).isEqualTo(1);
  }

  @Test
  void aLastLineCutShortByACrashIsRemovedAndTheNextAppendReadsBack() throws Exception {
    Journal first = open();
    RoomLog before = new RoomLog(10, first);
    notice(before);
    notice(before);
    first.close();
    long whole = Files.size(first.file());
    Files.write(
        first.file(),
        "a\t-\t0\t{\"v\":2,\"type\":\"notice\",\"ev".getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.APPEND); // no line end: the process died in the middle of a write

    Journal second = open();
    RoomLog restarted = new RoomLog(10, second);
    assertThat(restarted.head()).isEqualTo(2);
    assertThat(Files.size(second.file())).isEqualTo(whole);
    RoomEvent third = chat(restarted, ALICE, 1, "after the crash");
    second.close();

    RoomLog again = new RoomLog(10, open());
    assertThat(again.head()).isEqualTo(3);
    assertThat(again.get(3)).isEqualTo(third);
    assertThat(Files.readAllLines(second.file())).hasSize(3);
  }

  @Test
  void aDamagedLineInTheMiddleIsSkippedAndTheRestIsRead() throws Exception {
    Journal first = open();
    RoomLog before = new RoomLog(10, first);
    RoomEvent one = notice(before);
    notice(before);
    RoomEvent three = chat(before, ALICE, 1, "three");
    first.close();
    List<String> lines = new ArrayList<>(Files.readAllLines(first.file()));
    lines.set(1, "a\t-\t0\t{\"v\":2,\"type\":\"notice\",\"event\":");
    Files.write(first.file(), lines);

    RoomLog after = new RoomLog(10, open());
    assertThat(after.head()).isEqualTo(3);
    assertThat(after.get(1)).isEqualTo(one);
    assertThat(after.get(2)).isNull();
    assertThat(after.get(3)).isEqualTo(three);
    assertThat(notice(after).seq()).isEqualTo(4);
  }

  /** What the journal's Javadoc promises for any line that does not read. */
  @Test
  void aMiddleLineWhoseBytesAreNotUtf8IsSkippedAndTheRestIsRead() throws Exception {
    Journal first = open();
    RoomLog before = new RoomLog(10, first);
    RoomEvent one = notice(before);
    notice(before);
    RoomEvent three = notice(before);
    first.close();
    byte[] bytes = Files.readAllBytes(first.file());
    int secondLine = indexOf(bytes, (byte) '\n', 0) + 1;
    int brace = indexOf(bytes, (byte) '{', secondLine);
    bytes[brace + 1] = (byte) 0xC3; // a lead byte followed by '"': not UTF-8
    Files.write(first.file(), bytes);

    RoomLog after = new RoomLog(10, open());
    assertThat(after.head()).isEqualTo(3);
    assertThat(after.get(1)).isEqualTo(one);
    assertThat(after.get(2)).isNull();
    assertThat(after.get(3)).isEqualTo(three);
  }

  @Test
  void aPrivateMessageComesBackForItsTwoClientsAndItsNumberIsStillKnown() throws Exception {
    Journal first = open();
    RoomLog before = new RoomLog(10, first);
    RoomEvent whisper = whisper(before, ALICE, 1);
    first.close();

    RoomLog after = new RoomLog(10, open());
    RoomEvent read = after.get(1);
    assertThat(read.message()).isEqualTo(whisper.message());
    assertThat(read.audience()).isEqualTo(whisper.audience());
    assertThat(read.audience().includes(ClientIds.of("alice"))).isTrue();
    assertThat(read.audience().includes(ClientIds.of("bob"))).isTrue();
    assertThat(read.audience().includes(ClientIds.of("carol"))).isFalse();
    assertThat(after.recallable(10)).isEmpty();
    assertThat(after.postedAs(ALICE, 1)).isEqualTo(1);
  }

  @Test
  void aMessageSentAgainToARestartedServerIsAcknowledgedWithItsSeqNotPostedAgain()
      throws Exception {
    InetSocketAddress from = new InetSocketAddress("127.0.0.1", 40001);
    RecordingOutbox outbox = new RecordingOutbox();
    Journal first = open();
    Room before = room(outbox, new RoomLog(100, first));
    Admit.join(before, outbox, from, new Join("alice", ALICE, 1, null), 0); // 1
    String session = outbox.last(from, Welcome.class).session();
    before.onRequest(from, new Say(session, 1, "hi", false), 10); // 2; its Posted is lost
    first.close(); // kill -9 would leave the same file: each line is written when appended

    outbox.clear();
    Room after = room(outbox, new RoomLog(100, open()));
    Admit.join(after, outbox, from, new Join("alice", ALICE, 1, 2L), 20); // 3
    Welcome welcome = outbox.last(from, Welcome.class);
    assertThat(welcome.start()).isEqualTo(2);
    assertThat(welcome.head()).isEqualTo(2);
    after.onRequest(from, new Say(welcome.session(), 1, "hi", false), 30);
    assertThat(outbox.last(from, Posted.class)).isEqualTo(new Posted(1, 2));
    assertThat(after.head()).isEqualTo(3);
  }

  public static Room room(RecordingOutbox outbox, RoomLog log) {
    return new Room(
        outbox,
        new Codec(),
        new Drops(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)),
        log,
        Duration.ofSeconds(15),
        Duration.ofSeconds(5),
        20,
        42,
        ServerConfig.DEFAULT_MAX_MEMBERS,
        ServerConfig.DEFAULT_MAX_PER_ADDRESS,
        0,
        java.util.function.LongUnaryOperator
            .identity()); // each membership change its own notice, as the tests count events
  }

  static int indexOf(byte[] bytes, byte wanted, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == wanted) {
        return i;
      }
    }
    throw new AssertionError("no " + (char) wanted + " after " + from);
  }
}
