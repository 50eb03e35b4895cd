package udpchat.server.room;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import udpchat.protocol.Ack;
import udpchat.protocol.Drops;
import udpchat.protocol.Join;
import udpchat.protocol.Ping;
import udpchat.protocol.Retry;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;
import udpchat.server.ClientIds;
import udpchat.server.ServerConfig;
import udpchat.server.journal.RoomLog;
import udpchat.server.net.Outbox;
import udpchat.server.room.members.MembershipNotices;

/**
 * What a large room costs the server (issue 5): joins {@code members} members to a room (no socket:
 * what the room sends is looked at and dropped), lets each acknowledge its stream, and prints the
 * heap used after a full GC, before and after, per member (the aim is below 1 KB), how long a sweep
 * and a retransmission check hold the room when nobody is due, and the class histogram from {@code
 * jcmd}. Usage: {@code java -cp ... udpchat.server.RoomScale [members]}.
 */
public final class RoomScale {

  public static void main(String[] args) throws IOException, InterruptedException {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    List<String> sessions = new ArrayList<>();
    List<String> cookies = new ArrayList<>();
    Outbox outbox =
        new Outbox() {
          @Override
          public void broadcast(ServerMessage message, Collection<InetSocketAddress> to) {
            if (message instanceof Welcome welcome) {
              sessions.add(welcome.session());
            } else if (message instanceof Retry retry) {
              cookies.add(retry.cookie());
            }
          }
        };
    Room room =
        new Room(
            outbox,
            new Codec(),
            new Drops(Clock.systemUTC()),
            new RoomLog(ServerConfig.DEFAULT_HISTORY, null),
            Duration.ofSeconds(60), // longer than the joins take (below)
            Duration.ofSeconds(20),
            ServerConfig.DEFAULT_BACKLOG,
            1,
            Integer.MAX_VALUE,
            Integer.MAX_VALUE,
            MembershipNotices.HOLD_MS,
            java.util.function.LongUnaryOperator.identity());
    // The room's own state at 0 members (its history fills up with the joins' notices first).
    for (int i = 0; i < ServerConfig.DEFAULT_HISTORY; i++) {
      join(room, cookies, -1 - i, 2L * i);
      room.onRequest(address(-1 - i), new Ping(sessions.remove(0), 1), 2L * i);
      room.expire(1_000_000);
    }
    long before = usedAfterGc();
    // Two milliseconds apart: the room answers at most 1000 non-members a second (a retry each).
    long nowMs = 1_000_000;
    for (int i = 0; i < members; i++, nowMs += 2) {
      join(room, cookies, i, nowMs);
    }
    // The last joins' notice is told when its hold is over; then everyone has seen everything.
    nowMs += MembershipNotices.HOLD_MS;
    room.announceDue(nowMs);
    for (int i = 0; i < members; i++) {
      room.onRequest(address(i), new Ack(sessions.get(i), room.head(), null), nowMs);
    }
    long after = usedAfterGc();
    System.out.printf(
        "%d members: heap %d bytes before, %d after: %d bytes per member%n",
        room.size(), before, after, (after - before) / members);
    long[] sweepNs = new long[51];
    long[] resendNs = new long[51];
    for (int i = 0; i < sweepNs.length; i++) {
      long start = System.nanoTime();
      room.expire(nowMs + 1_000);
      sweepNs[i] = System.nanoTime() - start;
      start = System.nanoTime();
      room.resendDue(nowMs + 1_000);
      resendNs[i] = System.nanoTime() - start;
    }
    Arrays.sort(sweepNs);
    Arrays.sort(resendNs);
    System.out.printf(
        "a sweep that expires nobody: median %.1f us; a retransmission check with nothing due:"
            + " median %.1f us%n",
        sweepNs[25] / 1e3, resendNs[25] / 1e3);
    Process histogram =
        new ProcessBuilder(
                "jcmd", String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram")
            .redirectErrorStream(true)
            .start();
    histogram.getInputStream().transferTo(System.out);
    histogram.waitFor();
  }

  /** Joins as a client does: the join, the retry's cookie, the join again with it. */
  private static void join(Room room, List<String> cookies, int i, long nowMs) {
    String name = "member" + (i < 0 ? "x" + -i : i);
    Join join = new Join(name, ClientIds.of(name), 1, null);
    room.onRequest(address(i), join, nowMs);
    room.onRequest(address(i), join.withCookie(cookies.remove(0)), nowMs);
  }

  private static InetSocketAddress address(int i) {
    int n = i + 100_000;
    return new InetSocketAddress(
        "127.0." + (n >> 16 & 255) + "." + (n >> 8 & 255), 1024 + n % 60000);
  }

  private static long usedAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
