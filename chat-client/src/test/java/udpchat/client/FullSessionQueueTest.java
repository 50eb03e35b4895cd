package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.client.net.Connection;
import udpchat.client.net.Receiver;
import udpchat.client.net.ServerLink;
import udpchat.client.room.ServerReachability;
import udpchat.client.session.Session;
import udpchat.client.session.SessionAgent;
import udpchat.client.session.SessionTest;
import udpchat.crypto.DatagramSeal;
import udpchat.net.FaultInjector;
import udpchat.net.Faults;
import udpchat.protocol.Drops;
import udpchat.protocol.Pong;
import udpchat.protocol.json.Codec;
import udpchat.secure.link.Initiator;
import udpchat.secure.link.ServerKeyCheck;
import udpchat.secure.transport.RekeyPolicy;
import udpchat.time.WallStamps;

/**
 * The session's thread stuck (here: never started) while the server's datagrams keep coming: the
 * receive loop queues what fits, then drops and counts the rest ({@code inbox-full}) and goes on
 * reading; it never waits for the session. A stuck session would otherwise stop the socket's reads
 * and let the kernel's buffer drop datagrams unseen.
 */
@Timeout(30)
public class FullSessionQueueTest {

  @Test
  void aFullSessionQueueDropsAndCountsAndTheReceiverGoesOn() throws Exception {
    Codec codec = new Codec();
    ScriptedView view = new ScriptedView();
    try (DatagramChannel server =
            DatagramChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        FaultInjector faults = new FaultInjector(Faults.NONE, "test-faults")) {
      InetSocketAddress serverAddress = (InetSocketAddress) server.getLocalAddress();
      ServerReachability reachability =
          new ServerReachability(view, serverAddress, false, WallStamps.UNCONVERTED);
      Drops drops = new Drops(Clock.systemUTC());
      try (Connection connection = new Connection(serverAddress, faults, reachability)) {
        ServerLink link =
            new ServerLink(
                connection,
                codec,
                new Initiator(
                    null,
                    ServerKeyCheck.ANY,
                    RekeyPolicy.DEFAULT,
                    DatagramSeal.NONE,
                    connection::write),
                drops,
                Clock.systemUTC());
        Session session = new Session(link, view, codec, "alice", null, SessionTest.CLIENT);
        SessionAgent stuck =
            new SessionAgent(
                session,
                link,
                reachability::onPortUnreachable,
                command -> {},
                Clock.systemUTC(),
                4);
        Receiver receiver = new Receiver(connection, stuck, faults, drops, Clock.systemUTC());
        receiver.start();
        connection.write(ByteBuffer.wrap(new byte[] {1})); // tells the server where alice is
        ByteBuffer first = ByteBuffer.allocate(2048);
        InetSocketAddress alice = (InetSocketAddress) server.receive(first);

        // What they hold does not matter: the session's thread, not the receiver, opens them.
        for (int id = 1; id <= 50; id++) {
          server.send(ByteBuffer.wrap(codec.encode(new Pong(id))), alice);
        }

        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> drops.count(Drops.INBOX_FULL) == 46);
        assertThat(stuck.snapshot().state()).isEqualTo(Session.State.JOINING); // never applied
        connection.close();
        receiver.close();
      }
    }
  }
}
