package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.client.TestUser.failed;
import static udpchat.client.TestUser.message;
import static udpchat.client.TestUser.notice;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpchat.client.view.Event;
import udpchat.net.Faults;
import udpchat.server.ChatServer;
import udpchat.server.ServerConfig;

/**
 * A room with a journal, restarted: {@code /history} shows every acknowledged message the room
 * kept, in order, with nothing missing (issue 18 saw 118 of the events asked for, six acknowledged
 * messages among those not shown).
 */
@Timeout(120)
public class RestartHistoryTest {

  static final int LINES = 150;

  @TempDir Path data;

  ChatServer start(int port) throws Exception {
    return start(port, data);
  }

  ChatServer start(int port, Path data) throws Exception {
    return new ChatServer(
            new ServerConfig(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                Duration.ofSeconds(15),
                Duration.ofSeconds(1),
                ServerConfig.DEFAULT_HISTORY,
                ServerConfig.DEFAULT_BACKLOG,
                data,
                Faults.NONE,
                ServerConfig.DEFAULT_MAX_MEMBERS,
                ServerConfig.DEFAULT_MAX_PER_ADDRESS,
                ServerConfig.DEFAULT_RATE_LIMIT,
                ServerConfig.DEFAULT_BURST,
                null),
            Clock.systemUTC())
        .start();
  }

  @Test
  void historyAfterARestartShowsEveryAcknowledgedMessage() throws Exception {
    int port;
    ChatServer server = start(0);
    try {
      port = server.address().getPort();
      InetSocketAddress address = TestServers.addressOf(server);
      try (TestUser alice = TestUser.joined(address, "alice");
          TestUser bob = TestUser.joined(address, "bob")) {
        alice.await(notice("bob joined"));
        for (int i = 1; i <= LINES; i++) {
          alice.type("line " + i);
          if (i % 50 == 0) { // the client holds at most 100 messages waiting for their answer
            String last = "line " + i;
            alice.await(e -> e.kind() == Event.Kind.DELIVERED && e.subject().text().equals(last));
          }
        }
        bob.await(message("alice", "line " + LINES));
      }
    } finally {
      server.close();
    }

    ChatServer restarted = start(port);
    try (TestUser carol = TestUser.joined(TestServers.addressOf(restarted), "carol")) {
      carol.type("/history 200");
      carol.await(notice("history: the last"));
      carol.await(
          e -> e.old() && e.kind() == Event.Kind.MESSAGE && e.text().equals("line " + LINES));
      List<Event> seen = carol.events();
      int answer =
          seen.indexOf(seen.stream().filter(notice("history: the last")).findFirst().get());
      List<String> recalled =
          seen.subList(answer, seen.size()).stream()
              .filter(e -> e.old() && e.kind() == Event.Kind.MESSAGE)
              .map(Event::text)
              .toList();
      List<String> said = IntStream.rangeClosed(1, LINES).mapToObj(i -> "line " + i).toList();
      assertThat(recalled).containsExactlyElementsOf(said);
    } finally {
      restarted.close();
    }
  }

  /**
   * The disk fills while alice talks: each message that cannot be stored is shown to her as failed
   * (none stays "sending"), the others are delivered, and after a restart the history holds exactly
   * the delivered ones, in order.
   */
  @Test
  void aFullDiskFailsMessagesVisiblyAndTheHistoryAfterARestartHoldsTheRest() throws Exception {
    Path disk = data.resolve("disk");
    Files.createDirectories(disk);
    assumeMounted(disk);
    try {
      Path room = disk.resolve("room");
      List<String> delivered = new ArrayList<>();
      int port;
      ChatServer server = start(0, room);
      try {
        port = server.address().getPort();
        try (TestUser alice = TestUser.joined(TestServers.addressOf(server), "alice")) {
          for (int i = 1; i <= 20; i++) {
            delivered.add(say(alice, "before " + i, true));
          }
          Path filler = disk.resolve("filler");
          fill(filler);
          int failed = 0;
          for (int i = 1; i <= 10; i++) {
            String text = "while full " + i + " " + "x".repeat(700);
            if (say(alice, text, false) == null) {
              failed++;
            } else {
              delivered.add(text);
            }
          }
          assertThat(failed).as("messages refused on the full disk").isPositive();
          assertThat(alice.events())
              .filteredOn(failed("could not store"))
              .isNotEmpty()
              .allMatch(e -> e.subject().text().startsWith("while full"));
          Files.delete(filler);
          for (int i = 1; i <= 20; i++) {
            delivered.add(say(alice, "after " + i, true));
          }
        }
      } finally {
        server.close();
      }

      ChatServer restarted = start(port, room);
      try (TestUser carol = TestUser.joined(TestServers.addressOf(restarted), "carol")) {
        carol.type("/history 200");
        carol.await(notice("history: the last"));
        String last = delivered.get(delivered.size() - 1);
        carol.await(e -> e.old() && e.kind() == Event.Kind.MESSAGE && e.text().equals(last));
        assertThat(recalled(carol)).containsExactlyElementsOf(delivered);
      } finally {
        restarted.close();
      }
    } finally {
      new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Alice says {@code text} and waits for its answer: the text when it was delivered, {@code null}
   * when it failed ({@code mustDeliver} fails the test then).
   */
  static String say(TestUser alice, String text, boolean mustDeliver) {
    alice.type(text);
    Event answer =
        alice.await(
            e ->
                (e.kind() == Event.Kind.DELIVERED || e.kind() == Event.Kind.FAILED)
                    && e.subject().text().equals(text));
    if (mustDeliver) {
      assertThat(answer.kind()).as(text).isEqualTo(Event.Kind.DELIVERED);
    }
    return answer.kind() == Event.Kind.DELIVERED ? text : null;
  }

  /** The chat lines of the {@code /history} answer, in the order shown. */
  static List<String> recalled(TestUser user) {
    List<Event> seen = user.events();
    int answer =
        seen.indexOf(seen.stream().filter(notice("history: the last")).findFirst().orElseThrow());
    return seen.subList(answer, seen.size()).stream()
        .filter(e -> e.old() && e.kind() == Event.Kind.MESSAGE)
        .map(Event::text)
        .toList();
  }

  /** Mounts a 256 KB tmpfs on {@code disk}, or skips the test where that needs a root it lacks. */
  static void assumeMounted(Path disk) throws Exception {
    Process mount =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", disk.toString())
            .redirectErrorStream(true)
            .start();
    boolean done = mount.waitFor(30, TimeUnit.SECONDS);
    String said = new String(mount.getInputStream().readAllBytes()).strip();
    Assumptions.assumeTrue(
        done && mount.exitValue() == 0,
        "skipped: this test mounts a 256 KB tmpfs to fill, which needs root (mount said: "
            + said
            + ")");
  }

  /** Writes {@code filler} until the file system has no byte left. */
  static void fill(Path filler) throws IOException {
    try (OutputStream out = Files.newOutputStream(filler)) {
      byte[] block = new byte[1024];
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      assertThat(full.getMessage()).contains("No space left on device");
    }
    try (OutputStream out = Files.newOutputStream(filler, StandardOpenOption.APPEND)) {
      for (int i = 0; i < 1024; i++) {
        out.write(0); // the last bytes of the last block, one by one
        out.flush();
      }
    } catch (IOException full) {
      // full to the byte
    }
  }
}
