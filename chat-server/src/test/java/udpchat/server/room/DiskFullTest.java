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
import org.junit.jupiter.api.BeforeEach;
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
import udpchat.server.journal.JournalTest;
import udpchat.server.journal.RoomLog;

/**
 * A journal on a real file system that fills up (a 64 KB tmpfs this test mounts, as root): an event
 * that cannot be made durable is not applied, not sent, and its sender is told.
 */
public class DiskFullTest {

  static final InetSocketAddress ALICE = new InetSocketAddress("127.0.0.1", 40001);
  static final InetSocketAddress BOB = new InetSocketAddress("127.0.0.1", 40002);

  static final int PAGE = 4096;
  static final String LONG = "will this be kept? ".repeat(40);

  @TempDir Path temp;
  Path disk;
  Path filler;
  Journal journal;
  final RecordingOutbox outbox = new RecordingOutbox();

  @BeforeEach
  void mountATinyFileSystem() throws Exception {
    disk = temp.resolve("disk");
    Files.createDirectories(disk);
    Process mount =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString())
            .redirectErrorStream(true)
            .start();
    boolean done = mount.waitFor(30, TimeUnit.SECONDS);
    String said = new String(mount.getInputStream().readAllBytes()).strip();
    Assumptions.assumeTrue(
        done && mount.exitValue() == 0,
        "skipped: this test mounts a 64 KB tmpfs to fill, which needs root (mount said: "
            + said
            + ")");
    filler = disk.resolve("filler");
  }

  @AfterEach
  void unmount() throws Exception {
    if (journal != null) {
      journal.close();
    }
    if (filler != null) {
      new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /** The bytes left in the journal's last page. */
  long slack() throws IOException {
    return PAGE - Files.size(journal.file()) % PAGE;
  }

  /** Writes to the filler file until the file system has no byte left. */
  void fillTheDisk() throws IOException {
    byte[] block = new byte[1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
        out.flush();
      }
    } catch (IOException full) {
      assertThat(full.getMessage()).contains("No space left on device");
    }
    try (OutputStream out =
        Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
      for (int i = 0; i < 1024; i++) {
        out.write(0); // the last bytes of the last block, one by one
      }
    } catch (IOException full) {
      // full to the byte
    }
  }

  @Test
  void aMessageThatCannotBeStoredIsRefusedToItsSenderAndReachesNobody() throws Exception {
    journal = new Journal(disk.resolve("data"), new Codec());
    RoomLog events = new RoomLog(100, journal);
    Room room = JournalTest.room(outbox, events);
    Admit.join(room, outbox, ALICE, new Join("alice", ClientIds.of("alice"), 1, null), 0);
    Admit.join(room, outbox, BOB, new Join("bob", ClientIds.of("bob"), 1, null), 0);
    String alice = outbox.last(ALICE, Welcome.class).session();
    // tmpfs gives a file whole pages: fill the journal's last one almost up, so the message
    // below needs a page of its own, which the full disk does not have.
    long n = 0;
    long lineBytes = 0; // a line's bytes beside its text, learnt from the first message
    for (long slack = slack(); slack > 60; slack = slack()) {
      int text = (int) Math.min(700, Math.max(1, slack - lineBytes - 30));
      room.onRequest(ALICE, new Say(alice, ++n, "x".repeat(text), false), 5);
      lineBytes = Math.max(lineBytes, slack - slack() - text);
    }
    long head = room.head();
    long size = Files.size(journal.file());

    fillTheDisk();
    outbox.clear();
    room.onRequest(ALICE, new Say(alice, n + 1, LONG, false), 10);

    ErrorReply refusal = outbox.last(ALICE, ErrorReply.class);
    assertThat(refusal.code()).isEqualTo(ErrorReply.NOT_STORED);
    assertThat(refusal.n()).isEqualTo(n + 1);
    assertThat(refusal.message()).contains("could not store", "No space left on device");
    assertThat(outbox.lines(ALICE)).noneMatch(line -> line.startsWith("posted"));
    assertThat(outbox.lines(BOB)).isEmpty();
    assertThat(room.head()).isEqualTo(head);
    assertThat(Files.size(journal.file())).isEqualTo(size); // no part of a line left behind

    outbox.clear();
    room.onRequest(ALICE, new Say(alice, n + 1, LONG, false), 20); // sent again
    assertThat(outbox.last(ALICE, ErrorReply.class)).isEqualTo(refusal); // the same answer

    outbox.clear();
    room.onRequest(ALICE, new Nick(alice, 7, "alicia"), 30);
    assertThat(outbox.last(ALICE, ErrorReply.class).code()).isEqualTo(ErrorReply.NOT_STORED);
    assertThat(room.names()).containsExactly("alice", "bob"); // not renamed: it was not durable

    Files.delete(filler); // space again: the room goes on where it was
    outbox.clear();
    room.onRequest(ALICE, new Say(alice, n + 2, "and now?", false), 40);
    assertThat(outbox.last(ALICE, Posted.class)).isEqualTo(new Posted(n + 2, head + 1));
    assertThat(outbox.lines(BOB))
        .contains("chat " + (head + 1) + " after " + head + " alice: and now?");
  }
}
