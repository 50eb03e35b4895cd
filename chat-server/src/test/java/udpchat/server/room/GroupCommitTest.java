package udpchat.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Join;
import udpchat.protocol.Nick;
import udpchat.protocol.Posted;
import udpchat.protocol.Say;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;
import udpchat.server.ClientIds;
import udpchat.server.journal.Journal;
import udpchat.server.journal.JournalCounts;
import udpchat.server.journal.JournalTest;
import udpchat.server.journal.RoomLog;

/**
 * Group commit, driven from the test thread as the room thread drives it: the events of one duty
 * cycle go to the journal in one write, nothing is sent before it, and a write that fails undoes
 * the whole cycle's events and refuses each, as a failed append of one did.
 */
public class GroupCommitTest {

  static final InetSocketAddress ALICE = new InetSocketAddress("127.0.0.1", 40001);
  static final InetSocketAddress BOB = new InetSocketAddress("127.0.0.1", 40002);
  static final String LONG = "x".repeat(790);

  @TempDir Path temp;
  Journal journal;
  Path mounted;
  final RecordingOutbox outbox = new RecordingOutbox();
  Room room;
  String alice;
  String bob;

  @AfterEach
  void close() throws Exception {
    if (journal != null) {
      journal.close();
    }
    if (mounted != null) {
      new ProcessBuilder("umount", "-l", mounted.toString()).start().waitFor(30, TimeUnit.SECONDS);
    }
  }

  void aliceAndBobJoin(Path folder) throws IOException {
    journal = new Journal(folder, new Codec());
    room = JournalTest.room(outbox, new RoomLog(100, journal));
    Admit.join(room, outbox, ALICE, new Join("alice", ClientIds.of("alice"), 1, null), 0);
    Admit.join(room, outbox, BOB, new Join("bob", ClientIds.of("bob"), 1, null), 0);
    alice = outbox.last(ALICE, Welcome.class).session();
    bob = outbox.last(BOB, Welcome.class).session();
    outbox.clear();
  }

  @Test
  void theEventsOfACycleAreWrittenOnceAndSentOnlyAfterTheWrite() throws Exception {
    aliceAndBobJoin(temp.resolve("data"));
    long head = room.head();
    JournalCounts before = journal.counts();

    room.beginCycle();
    room.onRequest(ALICE, new Say(alice, 1, "one", false), 10);
    room.onRequest(BOB, new Say(bob, 1, "two", false), 10);
    room.onRequest(ALICE, new Say(alice, 2, "three", false), 10);
    assertThat(outbox.sent).isEmpty(); // not durable yet: nobody is told
    assertThat(journal.counts()).isEqualTo(before);
    room.endCycle();

    assertThat(journal.counts().events()).isEqualTo(before.events() + 3);
    assertThat(journal.counts().writes()).isEqualTo(before.writes() + 1);
    assertThat(outbox.lines(ALICE))
        .containsSubsequence(
            "posted 1 as " + (head + 1),
            "chat " + (head + 1) + " after " + head + " alice: one",
            "chat " + (head + 2) + " after " + (head + 1) + " bob: two",
            "posted 2 as " + (head + 3),
            "chat " + (head + 3) + " after " + (head + 2) + " alice: three");
    assertThat(outbox.lines(BOB)).contains("posted 1 as " + (head + 2));
    assertThat(room.head()).isEqualTo(head + 3);
  }

  @Test
  void aCycleWhoseWriteFailsIsUndoneWholeAndEachOfItsEventsRefused() throws Exception {
    Path disk = temp.resolve("disk");
    Files.createDirectories(disk);
    Process mount =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString())
            .redirectErrorStream(true)
            .start();
    Assumptions.assumeTrue(
        mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0,
        "skipped: this test mounts a 64 KB tmpfs to fill, which needs root");
    mounted = disk;
    aliceAndBobJoin(disk.resolve("data"));
    long head = room.head();
    long size = Files.size(journal.file());
    Path filler = disk.resolve("filler");
    fill(filler);

    // More than the journal's last page has left: the one write of the cycle cannot be made.
    room.beginCycle();
    for (int n = 1; n <= 3; n++) {
      room.onRequest(ALICE, new Say(alice, n, LONG, false), 10);
      room.onRequest(BOB, new Say(bob, n, LONG, false), 10);
    }
    room.onRequest(ALICE, new Nick(alice, 7, "alicia"), 10);
    room.onRequest(ALICE, new Say(alice, 2, LONG, false), 10); // a copy, while 2 waits
    room.endCycle();

    java.util.List<String> toAlice = outbox.lines(ALICE);
    assertThat(toAlice).hasSize(5);
    assertThat(toAlice.subList(0, 3))
        .containsExactly(
            "refused 1: " + ErrorReply.NOT_STORED,
            "refused 2: " + ErrorReply.NOT_STORED,
            "refused 3: " + ErrorReply.NOT_STORED);
    assertThat(outbox.to(ALICE).get(3)) // the nick's
        .isEqualTo(
            new ErrorReply(
                ErrorReply.NOT_STORED,
                "the server could not store the message (its journal: No space left on device):"
                    + " nothing was sent",
                7));
    assertThat(toAlice.get(4)).isEqualTo("refused 2: " + ErrorReply.NOT_STORED); // the copy
    assertThat(outbox.lines(BOB))
        .containsExactly(
            "refused 1: " + ErrorReply.NOT_STORED,
            "refused 2: " + ErrorReply.NOT_STORED,
            "refused 3: " + ErrorReply.NOT_STORED);
    assertThat(room.head()).isEqualTo(head);
    assertThat(room.names()).containsExactly("alice", "bob");
    assertThat(Files.size(journal.file())).isEqualTo(size);

    Files.delete(filler); // space again: numbering and every stream go on from where they were
    outbox.clear();
    room.onRequest(ALICE, new Say(alice, 4, "and now?", false), 20);
    assertThat(outbox.last(ALICE, Posted.class)).isEqualTo(new Posted(4, head + 1));
    assertThat(outbox.lines(BOB))
        .containsExactly("chat " + (head + 1) + " after " + head + " alice: and now?");
  }

  /** Writes to {@code filler} until the file system has no byte left. */
  static void fill(Path filler) {
    byte[] block = new byte[1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
        out.flush();
      }
    } catch (IOException full) {
      assertThat(full.getMessage()).contains("No space left on device");
    }
  }
}
