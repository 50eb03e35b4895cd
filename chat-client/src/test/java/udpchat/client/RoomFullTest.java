package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.client.TestUser.error;
import static udpchat.client.TestUser.notice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.server.ChatServer;
import udpchat.server.ServerConfig;

/** --max-members end to end: a client refused by a full room says so and gets in once it can. */
@Timeout(60)
public class RoomFullTest {

  @Test
  void aFullRoomIsShownToTheClientWhichJoinsOnceAPlaceFreesUp() throws Exception {
    ServerConfig config =
        new ServerConfig(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Duration.ofSeconds(15),
                Duration.ofSeconds(1))
            .withMaxMembers(2);
    try (ChatServer server = new ChatServer(config, Clock.systemUTC()).start()) {
      InetSocketAddress address = TestServers.addressOf(server);
      try (TestUser alice = TestUser.joined(address, "alice");
          TestUser bob = TestUser.joined(address, "bob");
          TestUser carol = TestUser.started(address, "carol", null)) {
        carol.await(error("the room is full: it holds at most 2 members; still trying"));
        assertThat(server.members()).containsExactly("alice", "bob");
        assertThat(bob.quit()).isZero();
        carol.await(notice("joined "));
        assertThat(server.members()).containsExactly("alice", "carol");
      }
    }
  }
}
