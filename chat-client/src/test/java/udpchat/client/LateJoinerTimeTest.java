package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.client.view.Event;
import udpchat.client.view.format.EventFormat;
import udpchat.server.ChatServer;
import udpchat.server.ServerConfig;

/**
 * A real server whose clock is a day and a minute behind the clients': the times its lines show are
 * the server's stamps, the same in every client, and a late joiner's backlog says when each line
 * was said (yesterday, so dated), not when it arrived.
 */
@Timeout(60)
public class LateJoinerTimeTest {

  static final Duration BEHIND = Duration.ofDays(1).plusMinutes(1);

  @Test
  void everyClientShowsTheServersStampOnLiveAndBacklogLines() throws Exception {
    Clock serverClock = Clock.offset(Clock.systemUTC(), BEHIND.negated());
    try (ChatServer server =
            new ChatServer(
                    new ServerConfig(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                        Duration.ofSeconds(15),
                        Duration.ofSeconds(1)),
                    serverClock)
                .start();
        TestUser alice = TestUser.joined(TestServers.addressOf(server), "alice")) {
      // The stamp travels in whole milliseconds: one taken in this same millisecond reads earlier.
      Instant before = serverClock.instant().truncatedTo(ChronoUnit.MILLIS);
      alice.type("said before bob came");
      Event own = alice.await(TestUser.message("alice", "said before bob came"));
      Instant after = serverClock.instant();
      assertThat(own.time()).isBetween(before, after);

      try (TestUser bob = TestUser.joined(TestServers.addressOf(server), "bob")) {
        Event backlog = bob.await(TestUser.message("alice", "said before bob came"));
        assertThat(backlog.old()).isTrue();
        assertThat(backlog.time()).isEqualTo(own.time());
        EventFormat format = new EventFormat(Clock.system(ZoneOffset.UTC));
        String dated = own.time().atOffset(ZoneOffset.UTC).toLocalDate().toString();
        assertThat(format.format(backlog)).startsWith(dated + " ");

        alice.type("live now");
        Event live = bob.await(TestUser.message("alice", "live now"));
        Event echoed = alice.await(TestUser.message("alice", "live now"));
        assertThat(live.time())
            .isEqualTo(echoed.time())
            .isBefore(Instant.now().minus(BEHIND).plusSeconds(5));
      }
    }
  }
}
