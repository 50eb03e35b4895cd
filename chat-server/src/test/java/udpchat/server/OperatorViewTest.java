package udpchat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpchat.protocol.Drops;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Leave;
import udpchat.protocol.Posted;
import udpchat.protocol.Say;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.secure.identity.Fingerprint;
import udpchat.secure.noise.X25519;
import udpchat.server.journal.JournalCounts;
import udpchat.server.net.TypeCounts;

/**
 * The operator's view of a real server that real datagrams move: the members' detail, the metrics,
 * and a health check that turns 503 when the journal's disk is full, and 200 again once it is not.
 */
@Timeout(60)
class OperatorViewTest {

  @TempDir Path temp;
  OperatorViewServer served;
  RawPeer ann;
  Path mounted;

  @AfterEach
  void close() throws Exception {
    if (ann != null) {
      ann.close();
    }
    if (served != null) {
      served.close();
    }
    if (mounted != null) {
      new ProcessBuilder("umount", "-l", mounted.toString()).start().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void membersAndMetricsFollowAJoinMessagesAndALeave() throws Exception {
    served = new OperatorViewServer(temp.resolve("data"));
    ann = new RawPeer("127.0.0.1", served.udp());
    long before = System.currentTimeMillis();
    Welcome welcome = ann.join("ann.b-c_1");
    for (int n = 1; n <= 3; n++) {
      ann.send(new Say(welcome.session(), n, "hello " + n, false));
      ann.await(Posted.class);
    }

    String members = served.body("api/members");
    assertThat(members)
        .startsWith("{\"count\":1,\"names\":[\"ann.b-c_1\"],\"members\":[{\"name\":\"ann.b-c_1\",")
        .contains(
            "\"address\":\"127.0.0.1:" + ann.address().getPort() + "\"",
            "\"state\":\"live\"",
            "\"unacked\":")
        .doesNotContain("hello"); // never a message's text
    long joinedAt = Long.parseLong(members.replaceAll(".*\"joinedAt\":(\\d+).*", "$1"));
    assertThat(joinedAt).isBetween(before - 1000, System.currentTimeMillis() + 1000);
    assertThat(served.body("api/stats"))
        .contains(
            "\"room\":\"test-room\"",
            "\"messagesAccepted\":3",
            "\"lastEventAt\":",
            "\"serverKey\":\"" + served.server.fingerprint() + "\"")
        .doesNotContain("hello");

    String metrics = served.body("metrics");
    assertThat(metrics)
        .contains(
            "udpchat_members{state=\"live\"} 1.0",
            "udpchat_members{state=\"suspect\"} 0.0",
            "udpchat_joins_total 1.0",
            "udpchat_messages_accepted_total 3.0",
            "udpchat_datagrams_received_total{type=\"say\"} 3.0",
            "udpchat_datagrams_sent_total{type=\"welcome\"} 1.0",
            "udpchat_drops_total{reason=\"" + Drops.RATE_LIMITED + "\"} 0.0",
            "udpchat_journal_appends_total ",
            "udpchat_ack_round_trip_seconds_bucket{le=\"+Inf\"}",
            "jvm_memory_used_bytes")
        .doesNotContain("hello");
    Promtool.assertAccepts(metrics);

    ann.send(new Leave(welcome.session()));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(served.body("metrics"))
                    .contains("udpchat_members{state=\"live\"} 0.0", "udpchat_leaves_total 1.0"));
    assertThat(served.body("api/members")).isEqualTo("{\"count\":0,\"names\":[],\"members\":[]}");
    assertThat(served.body("health")).startsWith("{\"status\":\"ok\"");
  }

  @Test
  void healthIs503WhileTheJournalsDiskIsFullAnd200OnceItIsFreed() throws Exception {
    Path disk = temp.resolve("disk");
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
    mounted = disk;
    served = new OperatorViewServer(disk.resolve("data"));
    ann = new RawPeer("127.0.0.1", served.udp());
    Welcome welcome = ann.join("ann");
    assertThat(served.get("health").statusCode()).isEqualTo(200);

    Path filler = disk.resolve("filler");
    fill(filler);
    // tmpfs gives whole pages: the journal's last one takes a few lines yet, then a write fails.
    long n = 0;
    ErrorReply refused = null;
    while (refused == null && n < 200) {
      ann.send(new Say(welcome.session(), ++n, "x".repeat(700), false));
      for (ServerMessage m = ann.receive(2000); m != null; m = ann.receive(50)) {
        if (m instanceof ErrorReply e && ErrorReply.NOT_STORED.equals(e.code())) {
          refused = e;
        }
      }
    }
    assertThat(refused).as("a refusal for want of space").isNotNull();
    var health = served.get("health");
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body())
        .startsWith("{\"status\":\"failing\"")
        .contains("\"journal\":\"failing\"", "the journal is not writable", "No space left");

    Files.delete(filler);
    ann.send(new Say(welcome.session(), n, "x".repeat(700), false)); // the refused one, again
    ann.send(new Say(welcome.session(), n + 1, "and now?", false));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(served.get("health").statusCode()).isEqualTo(200));
  }

  @Test
  void healthNamesAStoppedReceiveLoop() {
    ServerReadings stopped =
        new ServerReadings(
            1,
            Fingerprint.of(X25519.generate().publicKey()),
            false,
            0,
            System.nanoTime(),
            0,
            new Drops(java.time.Clock.systemUTC()),
            null,
            new TypeCounts(),
            new TypeCounts(),
            () -> 0,
            () -> JournalCounts.NONE,
            null,
            () -> false,
            () -> true);
    var health = StatusJson.health(stopped);
    assertThat(health.status()).isEqualTo(503);
    assertThat(new String(health.body(), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"status\":\"failing\",\"receiving\":false,\"room\":true,\"journal\":\"none\","
                + "\"reasons\":[\"the receive loop (udpchat-receiver) is not running\"]}");
  }

  /** Writes to {@code filler} until the file system has no byte left. */
  static void fill(Path filler) throws Exception {
    byte[] block = new byte[1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
        out.flush();
      }
    } catch (java.io.IOException full) {
      // full, to the block
    }
    try (OutputStream out = Files.newOutputStream(filler, StandardOpenOption.APPEND)) {
      for (int i = 0; i < 1024; i++) {
        out.write(0);
      }
    } catch (java.io.IOException full) {
      // full to the byte
    }
  }
}
