package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.client.TestUser.notice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.client.view.Event;
import udpchat.protocol.Drops;
import udpchat.protocol.Ping;
import udpchat.protocol.json.Codec;
import udpchat.server.ChatServer;
import udpchat.server.ServerConfig;

/**
 * One source floods the server as fast as it can while three real clients chat: they lose nothing,
 * and the flood is held to its address's rate before it is parsed. Prints the clients' delivery
 * delay and the flood's counts; asserts no figure of time.
 */
@Timeout(180)
public class FloodTest {

  static final int MESSAGES_EACH = 40;
  static final int QUIET_EACH = 10;

  @Test
  void membersChatOnAndLoseNothingWhileOneSourceFloods() throws Exception {
    chatThroughAFloodFrom("127.0.0.2");
  }

  /**
   * The flood comes from the members' own IP address (another port of their host): in protocol 2
   * the per-address bucket held them with it (200 of 800 lines delivered); their sessions now have
   * buckets of their own, checked after the MAC, so they lose nothing.
   */
  @Test
  void membersChatOnAndLoseNothingWhileTheirOwnAddressFloods() throws Exception {
    chatThroughAFloodFrom("127.0.0.1");
  }

  private void chatThroughAFloodFrom(String floodIp) throws Exception {
    try (ChatServer server = TestServers.start(Duration.ofSeconds(15), Duration.ofSeconds(1))) {
      InetSocketAddress address = TestServers.addressOf(server);
      List<TestUser> users = new ArrayList<>();
      Flooder flood = new Flooder(address, floodIp);
      try {
        for (String name : new String[] {"alice", "bob", "carol"}) {
          users.add(TestUser.joined(address, name));
        }
        users.get(0).await(notice("carol joined (3 online)"));
        // The same chat without a flood first: the delay to compare with.
        List<Long> quiet = chatRound(users, "quiet", QUIET_EACH, users.size() * QUIET_EACH);

        flood.start();
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> server.drops().count(Drops.RATE_LIMITED) > 0);
        int total = users.size() * (QUIET_EACH + MESSAGES_EACH);
        List<Long> delays = chatRound(users, "flooded", MESSAGES_EACH, total);
        flood.stop();
        // What the server has not counted by the time it stops counting, the kernel dropped.
        AtomicLong counted = new AtomicLong(-1);
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(300))
            .until(() -> counted.getAndSet(floodCounted(server)) == floodCounted(server));

        for (TestUser user : users) {
          List<Event> chat = chat(user);
          assertThat(chat.stream().map(Event::text)).hasSize(total).doesNotHaveDuplicates();
          assertThat(user.events()).noneMatch(e -> e.kind() == Event.Kind.FAILED);
        }
        // The flood's pings that got past the gate: plaintext, refused by the link unread.
        long passed = server.drops().count(Drops.NOT_SEALED);
        long limited = server.drops().count(Drops.RATE_LIMITED);
        double floodSeconds = flood.elapsedMs() / 1000.0;
        System.out.printf(
            "flood from %s: %d datagrams in %.1f s (%.0f/s) from one source; %d dropped before parsing"
                + " (rate-limited), %d past the gate and refused by the link unread (not sealed;"
                + " %d stranger replies, %d over the reply budget); the kernel dropped %d (its"
                + " receive buffer was full)%n",
            floodIp,
            flood.sent(),
            floodSeconds,
            flood.sent() / floodSeconds,
            limited,
            passed,
            server.strangerReplies(),
            server.drops().count(Drops.REPLY_LIMITED),
            flood.sent() - limited - passed);
        System.out.printf(
            "flood from %s: 3 members, %d messages each, every one delivered once to all; delivery delay"
                + " median %d ms, max %d ms (%d deliveries); without the flood: median %d ms, max"
                + " %d ms (%d deliveries)%n",
            floodIp,
            MESSAGES_EACH,
            delays.get(delays.size() / 2),
            delays.get(delays.size() - 1),
            delays.size(),
            quiet.get(quiet.size() / 2),
            quiet.get(quiet.size() - 1),
            quiet.size());

        // Throttled: what got past the gate stays within the burst and the rate for the flood's
        // time
        // (a second more for the clock's granularity), and far more was dropped by the gate.
        long allowance =
            ServerConfig.DEFAULT_BURST
                + (long) (ServerConfig.DEFAULT_RATE_LIMIT * (floodSeconds + 1));
        assertThat(passed).isPositive().isLessThanOrEqualTo(allowance);
        assertThat(limited).isGreaterThan(passed);
        assertThat(server.members()).containsExactly("alice", "bob", "carol");
      } finally {
        flood.stop();
        for (TestUser user : users) {
          user.close();
        }
      }
    }
  }

  /**
   * Each user types {@code each} lines tagged {@code tag}, a round every 100 ms as people type
   * (pacing, not an assertion); waits until every user has shown {@code shownInAll} messages; the
   * delays from typing to being shown at the others, sorted.
   */
  private static List<Long> chatRound(List<TestUser> users, String tag, int each, int shownInAll)
      throws InterruptedException {
    for (int m = 0; m < each; m++) {
      for (TestUser user : users) {
        user.type(user.name + " " + tag + " " + m + " sent " + System.currentTimeMillis());
      }
      Thread.sleep(100);
    }
    List<Long> delays = new ArrayList<>();
    for (TestUser user : users) {
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> chat(user).size() >= shownInAll);
      for (Event event : chat(user)) {
        String text = event.text();
        if (!event.own() && text.contains(" " + tag + " ")) {
          long sentMs = Long.parseLong(text.substring(text.indexOf("sent ") + 5));
          delays.add(event.time().toEpochMilli() - sentMs);
        }
      }
    }
    delays.sort(null);
    return delays;
  }

  /** The flood's datagrams the server has read: dropped by the gate, or refused by the link. */
  private static long floodCounted(ChatServer server) {
    return server.drops().count(Drops.RATE_LIMITED) + server.drops().count(Drops.NOT_SEALED);
  }

  private static List<Event> chat(TestUser user) {
    return user.events().stream().filter(e -> e.kind() == Event.Kind.MESSAGE).toList();
  }

  /** One socket on {@code ip} sending a stranger's ping in a loop, as fast as it goes. */
  static final class Flooder {
    private final InetSocketAddress server;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();
    private Thread thread;
    private volatile long startMs;
    private volatile long stopMs;

    private final String ip;

    Flooder(InetSocketAddress server, String ip) {
      this.server = server;
      this.ip = ip;
    }

    void start() {
      running.set(true);
      startMs = System.currentTimeMillis();
      thread = new Thread(this::run, "flooder");
      thread.start();
    }

    private void run() {
      byte[] ping = new Codec().encode(new Ping("AAAAAAAAAAAAAAAAAAAAAA", 1));
      try (DatagramChannel channel = DatagramChannel.open()) {
        channel.bind(new InetSocketAddress(InetAddress.getByName(ip), 0));
        ByteBuffer datagram = ByteBuffer.wrap(ping);
        while (running.get()) {
          datagram.rewind();
          channel.send(datagram, server);
          sent.incrementAndGet();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }

    void stop() throws InterruptedException {
      if (thread != null && running.getAndSet(false)) {
        thread.join();
        stopMs = System.currentTimeMillis();
      }
    }

    long sent() {
      return sent.get();
    }

    long elapsedMs() {
      return stopMs - startMs;
    }
  }
}
