package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.client.TestUser.message;
import static udpchat.client.TestUser.notice;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.server.ChatServer;

/** A server that goes away and comes back on the same port: clients rejoin by themselves. */
@Timeout(60)
public class ServerRestartTest {

  static final Duration TIMEOUT = Duration.ofMillis(1500);
  static final Duration SWEEP = Duration.ofMillis(100);

  @Test
  void clientsRejoinARestartedServerAndChatResumes() throws Exception {
    ChatServer first = TestServers.start(TIMEOUT, SWEEP);
    int port = first.address().getPort();
    var address = TestServers.addressOf(first);
    try (TestUser alice = TestUser.joined(address, "alice");
        TestUser bob = TestUser.joined(address, "bob")) {
      first.close();
      alice.await(notice("the server is shutting down"));

      try (ChatServer second = TestServers.start(port, TIMEOUT, SWEEP)) {
        alice.await(notice("the server does not know this session"));
        alice.await(notice("rejoined as alice"));
        bob.await(notice("rejoined as bob"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> second.members().size() == 2);
        assertThat(second.members()).containsExactly("alice", "bob");
        alice.type("welcome back");
        bob.await(message("alice", "welcome back"));
      }
    }
  }

  @Test
  void aClientWithARosterAsksForTheMemberListAgainWhenItRejoins() throws Exception {
    ChatServer first = TestServers.start(TIMEOUT, SWEEP);
    int port = first.address().getPort();
    var address = TestServers.addressOf(first);
    try (TestUser alice = TestUser.joinedWithRoster(address, "alice", null)) {
      alice.await(notice("members (1): alice"));
      first.close();
      try (ChatServer second = TestServers.start(port, TIMEOUT, SWEEP);
          TestUser bob = TestUser.joined(TestServers.addressOf(second), "bob")) {
        // bob may be in the new room before alice rejoins: the list tells her, not a notice.
        alice.await(notice("rejoined as alice"));
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> alice.roster.names().equals(java.util.List.of("alice", "bob")));
        assertThat(alice.events()).filteredOn(notice("members (")).hasSizeGreaterThanOrEqualTo(2);
      }
    }
  }

  @Test
  void aSilentServerIsReportedAndItsReturnToo() throws Exception {
    ChatServer first = TestServers.start(TIMEOUT, SWEEP);
    int port = first.address().getPort();
    try (TestUser alice = TestUser.joined(TestServers.addressOf(first), "alice")) {
      first.close();
      alice.await(notice("no reply from the server for"));
      try (ChatServer second = TestServers.start(port, TIMEOUT, SWEEP)) {
        alice.await(notice("the server is answering again"));
        alice.await(notice("rejoined as alice"));
      }
    }
  }
}
