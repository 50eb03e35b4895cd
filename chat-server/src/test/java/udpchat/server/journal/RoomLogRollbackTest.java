package udpchat.server.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static udpchat.server.journal.RoomLogTest.chat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import udpchat.protocol.Chat;
import udpchat.protocol.json.Codec;

/**
 * Staged events that cannot be written are taken back whole: the numbering, the ring (what they
 * pushed out of memory comes back) and which client message became which event. On a 64 KB tmpfs
 * this test mounts and fills (as root).
 */
public class RoomLogRollbackTest {

  static final String LONG = "x".repeat(790);

  @TempDir Path temp;
  Path disk;
  Journal journal;

  @AfterEach
  void unmount() throws Exception {
    if (journal != null) {
      journal.close();
    }
    if (disk != null) {
      new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor(30, TimeUnit.SECONDS);
    }
  }

  RoomEvent stage(RoomLog log, String client, long n) {
    return log.stage(
        seq -> Chat.posted(seq, 1000 + seq, "alice", LONG, false),
        RoomEvent.Audience.EVERYONE,
        client,
        n);
  }

  @Test
  void aCommitThatFailsTakesEveryStagedEventBack() throws Exception {
    Path mountPoint = temp.resolve("disk");
    Files.createDirectories(mountPoint);
    Process mount =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint.toString())
            .redirectErrorStream(true)
            .start();
    Assumptions.assumeTrue(
        mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0,
        "skipped: this test mounts a 64 KB tmpfs to fill, which needs root");
    disk = mountPoint;
    journal = new Journal(disk.resolve("data"), new Codec());
    RoomLog log = new RoomLog(2, journal); // a ring of two: the batch pushes both out
    RoomEvent first = chat(log, "c", 1, "one");
    RoomEvent second = chat(log, "c", 2, "two");
    fill(disk.resolve("filler"));

    // More than the journal's last page has left: the one write cannot be made.
    for (int n = 1; n <= 3; n++) {
      stage(log, "c", n + 2);
      stage(log, "d", n);
    }
    assertThat(log.head()).isEqualTo(8);
    assertThat(log.durableHead()).isEqualTo(2);
    assertThat(log.get(1)).isNull(); // pushed out, for now
    assertThatThrownBy(log::commit).isInstanceOf(UncheckedIOException.class);

    assertThat(log.head()).isEqualTo(2);
    assertThat(log.durableHead()).isEqualTo(2);
    assertThat(log.oldest()).isEqualTo(1);
    assertThat(log.get(1)).isEqualTo(first);
    assertThat(log.get(2)).isEqualTo(second);
    assertThat(log.get(3)).isNull();
    assertThat(log.postedAs("c", 1)).isEqualTo(1);
    assertThat(log.postedAs("c", 2)).isEqualTo(2);
    assertThat(log.postedAs("c", 3)).isZero();
    assertThat(log.lastPosted("c")).isEqualTo(2);
    assertThat(log.lastPosted("d")).isZero();

    Files.delete(disk.resolve("filler"));
    assertThat(chat(log, "c", 3, "three").seq()).isEqualTo(3); // numbering goes on where it was
  }

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
