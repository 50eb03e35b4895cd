package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.client.TestUser.notice;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.client.view.Event;
import udpchat.client.view.RosterView;
import udpchat.server.ChatServer;

/** Away and suspect end to end, on loopback: what the others see, in /who and in completion. */
@Timeout(60)
public class PresenceTest {

  ChatServer server;
  TestUser alice;
  TestUser bob;

  @BeforeEach
  void setUp() throws Exception {
    // A short timeout: bob is suspect after 1.5 s of silence and expired after 3 s.
    server = TestServers.start(Duration.ofSeconds(3), Duration.ofMillis(100));
    InetSocketAddress address = TestServers.addressOf(server);
    alice = TestUser.joinedWithRoster(address, "alice", null);
    bob = TestUser.joinedWithRoster(address, "bob", null);
    alice.await(notice("bob joined"));
  }

  @AfterEach
  void tearDown() throws Exception {
    for (AutoCloseable closeable : new AutoCloseable[] {bob, alice, server}) {
      if (closeable != null) {
        closeable.close();
      }
    }
  }

  @Test
  void awayAndBackAreShownToTheOthersInWhoAndInTheRoster() {
    bob.type("/away gone to lunch");
    alice.await(notice("bob is away: gone to lunch"));
    bob.await(notice("you are away: gone to lunch"));
    assertThat(alice.roster.members()).contains(new RosterView.Entry("bob", "away: gone to lunch"));

    alice.view.events.clear();
    alice.type("/who");
    alice.await(notice("members (2): alice, bob"));
    alice.await(notice("bob is away: gone to lunch"));

    bob.type("/back");
    alice.await(notice("bob is back"));
    assertThat(alice.roster.remark("bob")).isNull();
  }

  @Test
  void aSilentMemberIsSuspectBeforeItExpiresInTheRosterAndInWho() {
    bob.type("/hb off");
    Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> alice.roster.remark("bob") != null);
    assertThat(alice.roster.remark("bob")).startsWith("suspect");
    // Not announced by itself (a lost heartbeat on a lossy network would do that)...
    assertThat(alice.events()).noneMatch(notice("has been silent"));
    // ...but said in the answer to /who.
    alice.type("/who");
    Event suspect = alice.await(notice("bob has been silent for"));
    Event expired = alice.await(notice("bob expired"));
    List<Event> events = alice.events();
    assertThat(events.indexOf(suspect)).isLessThan(events.indexOf(expired));
    assertThat(alice.roster.names()).containsExactly("alice");

    bob.type("/hb on"); // back by itself: a new member, active
    alice.await(notice("bob joined"));
    assertThat(alice.roster.remark("bob")).isNull();
  }
}
