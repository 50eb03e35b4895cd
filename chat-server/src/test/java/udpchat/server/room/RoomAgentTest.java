package udpchat.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpchat.net.FaultInjector;
import udpchat.net.Faults;
import udpchat.protocol.Drops;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Join;
import udpchat.protocol.Ping;
import udpchat.protocol.Pong;
import udpchat.protocol.Retry;
import udpchat.protocol.Say;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;
import udpchat.server.ClientIds;
import udpchat.server.ServerConfig;
import udpchat.server.journal.Journal;
import udpchat.server.journal.RoomLog;
import udpchat.server.net.PassThroughLink;
import udpchat.server.net.Receiver;
import udpchat.time.MonotonicClock;

/**
 * The room thread and its bounded inbox: when the room is behind, the receiver drops and counts and
 * goes on reading; when the journal's disk fails, the room still answers heartbeats and queries.
 * Every wait is on the room thread's own answer (a snapshot), never a sleep.
 */
@Timeout(30)
public class RoomAgentTest {

  static final Codec CODEC = new Codec();
  static final InetSocketAddress ALICE = new InetSocketAddress("127.0.0.1", 40001);

  final Drops drops = new Drops(Clock.systemUTC());
  final RecordingOutbox outbox = new RecordingOutbox();
  @TempDir Path temp;
  Path mounted;
  Journal journal;

  @AfterEach
  void unmount() throws Exception {
    if (journal != null) {
      journal.close();
    }
    if (mounted != null) {
      new ProcessBuilder("umount", "-l", mounted.toString()).start().waitFor(30, TimeUnit.SECONDS);
    }
  }

  Room room(RoomLog events) {
    return new Room(
        outbox,
        CODEC,
        drops,
        events,
        Duration.ofSeconds(15),
        Duration.ofSeconds(5),
        20,
        42,
        ServerConfig.DEFAULT_MAX_MEMBERS,
        ServerConfig.DEFAULT_MAX_PER_ADDRESS,
        0,
        java.util.function.LongUnaryOperator.identity());
  }

  @Test
  void aFullInboxDropsAndCountsWhileTheReceiverGoesOnReading() throws Exception {
    // Not started: a room thread that is stuck, as far as the receiver can tell.
    RoomAgent agent =
        new RoomAgent(
            room(new RoomLog(100, null)),
            CODEC,
            drops,
            Duration.ofSeconds(1),
            Clock.systemUTC(),
            4);
    DatagramChannel channel =
        DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    try (FaultInjector faults = new FaultInjector(Faults.NONE, "test-faults");
        DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Receiver receiver =
            new Receiver(
                channel,
                CODEC,
                new PassThroughLink(),
                agent,
                drops,
                faults,
                MonotonicClock.INSTANCE)) {
      receiver.start();
      byte[] join = CODEC.encode(new Join("alice", ClientIds.of("alice"), 1, null));
      DatagramPacket datagram = new DatagramPacket(join, join.length, channel.getLocalAddress());
      for (int i = 0; i < 10; i++) {
        client.send(datagram);
      }
      Awaitility.await().until(() -> drops.count(Drops.INBOX_FULL) == 6);
      // Still reading, and never waiting for the room: each further datagram is counted.
      for (int i = 0; i < 5; i++) {
        client.send(datagram);
      }
      Awaitility.await().until(() -> drops.count(Drops.INBOX_FULL) == 11);

      agent.start(); // the room catches up on the four it kept
      RoomSnapshot snapshot = snapshot(agent);
      assertThat(snapshot.names()).isEmpty();
      InetSocketAddress from = (InetSocketAddress) client.getLocalSocketAddress();
      assertThat(outbox.to(from)).hasSize(4).allMatch(message -> message instanceof Retry);
    } finally {
      agent.close();
    }
  }

  @Test
  void aFailingJournalDiskLeavesHeartbeatsAndQueriesAnswered() throws Exception {
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
    journal = new Journal(disk.resolve("data"), CODEC);
    RoomAgent agent =
        new RoomAgent(
                room(new RoomLog(100, journal)),
                CODEC,
                drops,
                Duration.ofSeconds(1),
                Clock.systemUTC())
            .start();
    try {
      // The test thread plays the receiver: requests go in through the inbox.
      Join join = new Join("alice", ClientIds.of("alice"), 1, null);
      agent.onRequest(ALICE, join, CODEC.encode(join).length, 0);
      Retry retry = (Retry) answered(agent, ALICE).get(0);
      Join withCookie = join.withCookie(retry.cookie());
      agent.onRequest(ALICE, withCookie, CODEC.encode(withCookie).length, 0);
      answered(agent, ALICE);
      String alice = outbox.last(ALICE, Welcome.class).session();

      GroupCommitTest.fill(disk.resolve("filler"));
      outbox.clear();
      // More than the journal's last page has left, whatever the cycles they fall into.
      for (int n = 1; n <= 8; n++) {
        agent.onRequest(ALICE, new Say(alice, n, "x".repeat(790), false), 100, 10);
      }
      agent.onRequest(ALICE, new Ping(alice, 5), 100, 10);
      List<ServerMessage> answers = answered(agent, ALICE);

      assertThat(answers)
          .anySatisfy(
              message ->
                  assertThat(message)
                      .isInstanceOfSatisfying(
                          ErrorReply.class,
                          refusal -> assertThat(refusal.code()).isEqualTo(ErrorReply.NOT_STORED)))
          .contains(new Pong(5));
      assertThat(snapshot(agent).names()).containsExactly("alice");
    } finally {
      agent.close();
    }
  }

  /** What {@code to} was sent once the room thread has handled everything before this query. */
  List<ServerMessage> answered(RoomAgent agent, InetSocketAddress to) throws Exception {
    snapshot(agent); // the room thread got here: the rest is done
    return outbox.to(to);
  }

  /** The room's answer, asked again while its inbox is full (a query is refused, never queued). */
  static RoomSnapshot snapshot(RoomAgent agent) {
    return Awaitility.await()
        .ignoreExceptions()
        .until(() -> agent.snapshot().get(10, TimeUnit.SECONDS), answer -> answer != null);
  }
}
