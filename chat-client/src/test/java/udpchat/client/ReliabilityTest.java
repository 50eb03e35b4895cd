package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import udpchat.client.view.Event;
import udpchat.net.FaultCounts;
import udpchat.net.Faults;
import udpchat.server.ChatServer;
import udpchat.server.ServerConfig;

/**
 * Three clients chat through a server whose network loses, duplicates and reorders datagrams in
 * both directions (the fault injector sits on the server's socket, so it sees every datagram of the
 * room): every client sees every message exactly once, in the same order. The injector's counts
 * prove the faults happened; the delivery times are printed for docs/RELIABILITY.md.
 */
@Timeout(180)
public class ReliabilityTest {

  static final int CLIENTS = 3;
  static final int MESSAGES_EACH = 100;

  /** After the burst, messages at a person's pace: their delivery times are what a user sees. */
  static final int PACED_EACH = 10;

  static final long PACE_MS = 300;
  static final Duration PATIENCE = Duration.ofSeconds(120);

  @ParameterizedTest(name = "{0}% loss both ways, 10% duplicated, 10% reordered")
  @ValueSource(ints = {5, 20, 40})
  void everyClientSeesEveryMessageOnceInTheRoomsOrder(int lossPercent) throws Exception {
    Faults faults = new Faults(lossPercent / 100.0, 0.10, 0.10, 0, Duration.ofMillis(20), 42);
    ServerConfig config =
        new ServerConfig(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Duration.ofSeconds(15),
                Duration.ofSeconds(1))
            .withFaults(faults);
    List<TestUser> users = new ArrayList<>();
    try (ChatServer server = new ChatServer(config, Clock.systemUTC()).start()) {
      InetSocketAddress address = TestServers.addressOf(server);
      for (int i = 0; i < CLIENTS; i++) {
        users.add(TestUser.started(address, "user" + i, Duration.ofSeconds(1)));
      }
      awaitJoined(users);

      for (int m = 0; m < MESSAGES_EACH; m++) {
        for (TestUser user : users) {
          user.type(user.name + " says " + m);
        }
        Thread.sleep(10); // a burst: all typed within about a second (pacing, not an assertion)
      }
      awaitShownByAll(users, CLIENTS * MESSAGES_EACH);
      for (int m = MESSAGES_EACH; m < MESSAGES_EACH + PACED_EACH; m++) {
        for (TestUser user : users) {
          user.type(user.name + " says " + m + " calmly");
          Thread.sleep(PACE_MS / CLIENTS); // one line at a time, as people type
        }
      }
      int total = CLIENTS * (MESSAGES_EACH + PACED_EACH);
      awaitShownByAll(users, total);

      List<String> order = texts(users.get(0));
      assertThat(order).hasSize(total).doesNotHaveDuplicates();
      for (TestUser user : users) {
        assertThat(texts(user)).as(user.name + " saw").isEqualTo(order);
        List<Integer> places = // each sender's own messages stay in the order typed
            order.stream()
                .filter(text -> text.startsWith(user.name + " says "))
                .map(text -> Integer.parseInt(text.split(" ")[2]))
                .toList();
        assertThat(places).isSorted().hasSize(MESSAGES_EACH + PACED_EACH);
        assertThat(user.events()).noneMatch(e -> e.kind() == Event.Kind.FAILED);
      }

      FaultCounts counts = server.faultCounts();
      long seen = counts.outgoing().seen() + counts.incoming().seen();
      long dropped = counts.outgoing().dropped() + counts.incoming().dropped();
      // Proof that the network was as bad as it says: loss within a few points of the rate.
      assertThat((double) dropped / seen)
          .isBetween(lossPercent / 100.0 - 0.03, lossPercent / 100.0 + 0.03);
      assertThat(counts.outgoing().duplicated() + counts.incoming().duplicated()).isPositive();
      assertThat(counts.outgoing().reordered() + counts.incoming().reordered()).isPositive();

      report(lossPercent, users, counts, total);
    } finally {
      for (TestUser user : users) {
        user.close();
      }
    }
  }

  /**
   * Waits until every client is in the room. A join takes two round trips (the retry with its
   * cookie, then the welcome), so at 40% loss each way one in six clients needs more than the 20 s
   * a TestUser waits by itself; here it has the test's patience.
   */
  private static void awaitJoined(List<TestUser> users) {
    for (TestUser user : users) {
      Awaitility.await()
          .atMost(PATIENCE)
          .until(() -> user.events().stream().anyMatch(TestUser.notice("joined ")));
    }
  }

  private static void awaitShownByAll(List<TestUser> users, int count) {
    for (TestUser user : users) {
      Awaitility.await()
          .atMost(PATIENCE)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> chat(user).size() >= count);
    }
  }

  /** The injector on the clients' sockets instead: their own sends and receives lose 20%. */
  @Test
  void clientsOnALossyNetworkOfTheirOwnSeeEveryMessageOnceInOrder() throws Exception {
    List<TestUser> users = new ArrayList<>();
    try (ChatServer server = TestServers.start(Duration.ofSeconds(15), Duration.ofSeconds(1))) {
      InetSocketAddress address = TestServers.addressOf(server);
      for (int i = 0; i < CLIENTS; i++) {
        Faults faults = new Faults(0.20, 0.10, 0.10, 0, Duration.ofMillis(20), 100 + i);
        users.add(
            TestUser.started(new ClientConfig(address, "user" + i, Duration.ofSeconds(1), faults)));
      }
      awaitJoined(users);
      for (int m = 0; m < 30; m++) {
        for (TestUser user : users) {
          user.type(user.name + " says " + m);
        }
      }
      awaitShownByAll(users, CLIENTS * 30);
      List<String> order = texts(users.get(0));
      assertThat(order).hasSize(CLIENTS * 30).doesNotHaveDuplicates();
      for (TestUser user : users) {
        assertThat(texts(user)).isEqualTo(order);
        FaultCounts counts = user.faultCounts();
        assertThat(counts.outgoing().dropped()).isPositive();
        assertThat(counts.incoming().dropped()).isPositive();
      }
    } finally {
      for (TestUser user : users) {
        user.close();
      }
    }
  }

  /** The room's messages as {@code user} saw them, in order. */
  private static List<Event> chat(TestUser user) {
    return user.events().stream().filter(e -> e.kind() == Event.Kind.MESSAGE).toList();
  }

  private static List<String> texts(TestUser user) {
    return chat(user).stream().map(Event::text).toList();
  }

  /** One line of figures: what the faults did, and how long delivery took. */
  private static void report(int lossPercent, List<TestUser> users, FaultCounts counts, int total) {
    Map<String, Long> typedMs = new HashMap<>();
    for (TestUser user : users) {
      for (Event e : user.events()) {
        if (e.kind() == Event.Kind.SENDING) {
          typedMs.put(e.subject().text(), e.time().toEpochMilli());
        }
      }
    }
    List<Long> burst = new ArrayList<>();
    List<Long> paced = new ArrayList<>();
    long duplicates = 0;
    long retransmissions = 0;
    for (TestUser user : users) {
      for (Event e : chat(user)) {
        if (!e.own()) {
          long ms = e.time().toEpochMilli() - typedMs.get(e.text());
          (e.text().endsWith("calmly") ? paced : burst).add(ms);
        }
      }
      duplicates += user.session().duplicatesDropped();
      retransmissions += user.session().retransmissions();
    }
    burst.sort(null);
    paced.sort(null);
    System.out.printf(
        "reliability: loss %d%% | %d messages to %d clients | datagrams %d, dropped %d, duplicated"
            + " %d, reordered %d | duplicates dropped by clients %d | client retransmissions %d"
            + " | burst delivery ms median %d, p99 %d, worst %d"
            + " | paced delivery ms median %d, p99 %d, worst %d%n",
        lossPercent,
        total,
        users.size(),
        counts.outgoing().seen() + counts.incoming().seen(),
        counts.outgoing().dropped() + counts.incoming().dropped(),
        counts.outgoing().duplicated() + counts.incoming().duplicated(),
        counts.outgoing().reordered() + counts.incoming().reordered(),
        duplicates,
        retransmissions,
        burst.get(burst.size() / 2),
        burst.get(burst.size() * 99 / 100),
        burst.get(burst.size() - 1),
        paced.get(paced.size() / 2),
        paced.get(paced.size() * 99 / 100),
        paced.get(paced.size() - 1));
  }
}
