package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.client.view.Event;
import udpchat.server.ChatServer;
import udpchat.server.SendCounts;

/**
 * A burst into a room of real clients makes the server fall behind, so it packs room events into
 * batches (docs/PROTOCOL.md, section 14): the batches are counted at the server, and every client
 * still shows every message once, in the room's order.
 */
@Timeout(120)
public class BatchingTest {

  static final int MEMBERS = 12;
  static final int SENDERS = 4;
  static final int LINES_EACH = 60;
  static final Duration PATIENCE = Duration.ofSeconds(60);

  @Test
  void aBurstTravelsInBatchesAndArrivesOnceInOrder() throws Exception {
    List<TestUser> users = new ArrayList<>();
    try (ChatServer server = TestServers.start(Duration.ofSeconds(15), Duration.ofSeconds(1))) {
      InetSocketAddress address = TestServers.addressOf(server);
      for (int i = 0; i < MEMBERS; i++) {
        users.add(TestUser.joined(address, "user" + i));
      }
      Awaitility.await().atMost(PATIENCE).until(() -> server.members().size() == MEMBERS);
      SendCounts before = server.sendCounts();

      for (int m = 0; m < LINES_EACH; m++) {
        for (TestUser user : users.subList(0, SENDERS)) {
          user.type(user.name + " says " + m); // as fast as typed lines go: a burst
        }
      }
      int total = SENDERS * LINES_EACH;
      for (TestUser user : users) {
        Awaitility.await()
            .atMost(PATIENCE)
            .pollInterval(Duration.ofMillis(20))
            .until(() -> texts(user).size() >= total);
      }

      SendCounts sent = server.sendCounts();
      long batches = sent.batches() - before.batches();
      long batchedEvents = sent.batchedEvents() - before.batchedEvents();
      System.out.printf(
          "batching: %d messages to %d members: %d datagrams, %d batches carrying %d events%n",
          total, MEMBERS, sent.datagrams() - before.datagrams(), batches, batchedEvents);
      assertThat(batches).as("batches sent").isPositive();
      assertThat(batchedEvents).isGreaterThanOrEqualTo(2 * batches);
      List<String> order = texts(users.get(0));
      assertThat(order).hasSize(total).doesNotHaveDuplicates();
      for (TestUser user : users) {
        assertThat(texts(user)).as(user.name + " saw").isEqualTo(order);
      }
      for (TestUser sender : users.subList(0, SENDERS)) {
        List<Integer> places = // each sender's own messages stay in the order typed
            order.stream()
                .filter(text -> text.startsWith(sender.name + " says "))
                .map(text -> Integer.parseInt(text.split(" ")[2]))
                .toList();
        assertThat(places).hasSize(LINES_EACH).isSorted();
      }
    } finally {
      for (TestUser user : users) {
        user.close();
      }
    }
  }

  private static List<String> texts(TestUser user) {
    return user.events().stream()
        .filter(e -> e.kind() == Event.Kind.MESSAGE)
        .map(Event::text)
        .toList();
  }
}
