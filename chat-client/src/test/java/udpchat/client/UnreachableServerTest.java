package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.client.TestUser.error;
import static udpchat.client.TestUser.notice;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.client.net.Connection;
import udpchat.client.room.ServerReachability;
import udpchat.client.view.Event;
import udpchat.net.FaultInjector;
import udpchat.net.Faults;
import udpchat.time.WallStamps;

/**
 * A client aimed at a real loopback port where nothing listens: the kernel's port-unreachable says
 * so within a second, the silence is named after a few seconds, and quitting does not claim to
 * leave a room it never joined.
 */
@Timeout(60)
public class UnreachableServerTest {

  /** A loopback port that was free a moment ago, and is closed now. */
  static InetSocketAddress closedPort() throws Exception {
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }
  }

  @Test
  void nothingListeningIsSaidWithinASecondAndLeavingClaimsNoRoom() throws Exception {
    InetSocketAddress nowhere = closedPort();
    Instant started = Instant.now();
    TestUser alice = TestUser.started(new ClientConfig(nowhere, "alice", null));
    try {
      Event unreachable =
          alice.await(
              error(
                  "nothing is listening at 127.0.0.1:"
                      + nowhere.getPort()
                      + " (is the server running?); trying again every 5s at most"));
      assertThat(Duration.between(started, unreachable.time())).isLessThan(Duration.ofSeconds(1));
      Event noAnswer = alice.await(notice("no server answers at 127.0.0.1:" + nowhere.getPort()));
      assertThat(Duration.between(started, noAnswer.time()))
          .isGreaterThanOrEqualTo(Duration.ofMillis(ServerReachability.NO_ANSWER_MS));
      assertThat(alice.events()).filteredOn(error("nothing is listening")).hasSize(1);
      assertThat(alice.quit()).isZero();
      assertThat(alice.events()).noneMatch(notice("left the room"));
      assertThat(alice.events()).anyMatch(notice("gave up joining 127.0.0.1:"));
    } finally {
      alice.close();
    }
  }

  @Test
  void aSendThatFailsIsCountedAndSaidOnce() throws Exception {
    ScriptedView view = new ScriptedView();
    InetSocketAddress nowhere = closedPort();
    ServerReachability reachability =
        new ServerReachability(view, nowhere, false, WallStamps.of(Clock.systemUTC()));
    try (FaultInjector faults = new FaultInjector(Faults.NONE, "faults")) {
      Connection connection = new Connection(nowhere, faults, reachability);
      connection.close(); // every send now fails with ClosedChannelException
      for (int i = 1; i <= 3; i++) {
        connection.write(ByteBuffer.wrap(new byte[] {(byte) i}));
      }
    }
    assertThat(reachability.sendFailures()).isEqualTo(3);
    assertThat(view.events)
        .filteredOn(e -> e.text().contains("cannot send to 127.0.0.1:"))
        .hasSize(1);
  }
}
