package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static udpchat.client.TestUser.notice;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.client.view.Event;
import udpchat.server.ChatServer;

/**
 * A real server and real clients on loopback: members who join at once reach a member already in
 * the room as a few folded lines ("m0, m1 and 10 others joined"), and it still learns every name.
 */
@Timeout(60)
public class JoinBurstTest {

  static final int JOINERS = 12;

  ChatServer server;
  final List<TestUser> users = new ArrayList<>();

  @AfterEach
  void closeEverything() throws Exception {
    for (TestUser user : users) {
      user.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aBurstOfJoinsIsFewLinesAndTheRosterKnowsEveryone() throws Exception {
    server = TestServers.start(Duration.ofSeconds(15), Duration.ofSeconds(1));
    InetSocketAddress address = TestServers.addressOf(server);
    TestUser watcher = TestUser.joinedWithRoster(address, "watcher", null);
    users.add(watcher);

    List<String> names = new ArrayList<>();
    for (int i = 0; i < JOINERS; i++) {
      names.add("m" + i);
      users.add(TestUser.started(address, "m" + i, null)); // all at once: no wait for a welcome
    }
    for (TestUser user : users) {
      user.await(notice("joined "));
    }

    await().atMost(Duration.ofSeconds(20)).until(() -> watcher.roster.names().containsAll(names));
    watcher.await(notice("joined (" + (JOINERS + 1) + " online)"));
    List<String> lines =
        watcher.events().stream()
            .filter(e -> e.kind() == Event.Kind.NOTICE && e.text().contains(" joined ("))
            .map(Event::text)
            .toList();
    // One line per join would be twelve; the server folds those within its hold into one notice.
    assertThat(lines).hasSizeLessThan(JOINERS);
    assertThat(lines).anyMatch(line -> line.contains(" and "));
  }
}
