package udpchat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.Join;
import udpchat.protocol.Posted;
import udpchat.protocol.Say;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.time.RetransmitTimer;

/**
 * A simulated sender against a scripted server socket on loopback: it measures its round trip to
 * {@code posted} as the client does, sends an unconfirmed message again with the same number, and
 * measures nothing from a message it sent twice.
 */
@Timeout(30)
class ChatLoadResendTest {

  private static final String TOKEN = "q3Vx0Zr4T1mYk8cB2nWfJg";
  private ScriptedServer server;
  private MemberPool pool;
  private ChatLoad load;

  @BeforeEach
  void joinOneSender() throws Exception {
    server = new ScriptedServer();
    pool = new MemberPool(1, InetAddress.getLoopbackAddress(), 0, 0).start();
    load = new ChatLoad(pool.members(), server.address(), 1, 5, 32, 100, 64);
    pool.use(load);
    pool.call(load::join);
    assertThat(receive()).isInstanceOf(Join.class);
    send(new Welcome(TOKEN, "m0", 200, 60_000, 1, 7, 10, 10));
    long now = System.nanoTime();
    pool.call(() -> load.startSending(now, now, now + 60_000_000_000L));
  }

  @AfterEach
  void close() throws Exception {
    pool.close();
    server.close();
  }

  @Test
  void measuresItsRoundTripToPostedAndSendsAgainWhatIsNotConfirmed() throws Exception {
    assertThat(nextSay().n()).isEqualTo(1);
    send(new Posted(1, 11));
    assertThat(nextSay().n()).isEqualTo(2);
    // Unanswered: sent again with its number (after 30 ms; later messages may come between).
    while (nextSay().n() != 2) {
      continue;
    }
    assertThat(pool.call(() -> timer().samples())).isEqualTo(1);

    send(new Posted(2, 12)); // for either copy: measures nothing (Karn)
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (pool.call(this::lowestUnconfirmed) <= 2 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(pool.call(this::lowestUnconfirmed)).isGreaterThan(2); // 1 and 2 are settled
    assertThat(pool.call(() -> timer().samples())).isEqualTo(1);
  }

  private long lowestUnconfirmed() {
    return load.senders.get(0).sending.pending.lowestUnsettled();
  }

  private RetransmitTimer timer() {
    return load.senders.get(0).sending.timer;
  }

  private Say nextSay() throws Exception {
    return server.nextOf(Say.class);
  }

  private ClientMessage receive() throws Exception {
    return server.receive();
  }

  private void send(ServerMessage message) throws Exception {
    server.send(message);
  }
}
