package udpchat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.bench.measure.Tally;
import udpchat.bench.wire.Stamp;
import udpchat.protocol.Ack;
import udpchat.protocol.Chat;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.Join;
import udpchat.protocol.Notice;
import udpchat.protocol.Ping;
import udpchat.protocol.Pong;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;
import udpchat.secure.link.LinkFormat;

/**
 * A simulated member against a scripted server socket on loopback: it joins through a handshake of
 * protocol 3's link, takes its stream in order, acknowledges it (naming a gap), counts duplicates,
 * heartbeats, rejoins when expired, and takes nothing that its session did not seal.
 */
@Timeout(30)
class ChatLoadTest {

  private static final String TOKEN = "q3Vx0Zr4T1mYk8cB2nWfJg";
  private ScriptedServer server;
  private MemberPool pool;
  private ChatLoad load;

  @BeforeEach
  void joinOneMember() throws Exception {
    server = new ScriptedServer();
    pool = new MemberPool(1, InetAddress.getLoopbackAddress(), 0, 0).start();
    load = new ChatLoad(pool.members(), server.address(), 0, 0, 32, 100, 64);
    pool.use(load);
    pool.call(load::join);
    Join join = (Join) receive();
    assertThat(join.name()).isEqualTo("m0");
    assertThat(join.since()).isNull();
    send(new Welcome(TOKEN, "m0", 200, 600, 1, 7, 10, 10));
    long now = System.nanoTime();
    pool.call(() -> load.startSending(now, now - 1_000_000_000L, now + 60_000_000_000L));
  }

  @AfterEach
  void close() throws Exception {
    pool.close();
    server.close();
  }

  @Test
  void takesItsStreamInOrderAcknowledgesAGapCountsDuplicatesAndAcksThemAgain() throws Exception {
    send(chat(12, 11));
    assertThat(nextAck()).isEqualTo(new Ack(TOKEN, 10, 11L)); // holds 12, misses 11

    send(chat(11, 10));
    assertThat(nextAck()).isEqualTo(new Ack(TOKEN, 12));
    send(chat(11, 10));
    // A copy of what it showed: its ack was lost, most likely, so it says again where it is (as
    // the client does); otherwise the server resends from its old ack, 64 events at a time.
    assertThat(nextAck()).isEqualTo(new Ack(TOKEN, 12));

    Tally tally = awaitTally(t -> t.duplicates == 1);
    assertThat(tally.joined).isEqualTo(1);
    assertThat(tally.delivered).isEqualTo(2);
    assertThat(tally.latencyNs.getTotalCount()).isEqualTo(2);
  }

  /** Before: the member read plaintext JSON from the server's address, and sent it too. */
  @Test
  void takesOnlyWhatItsSessionSealedAndHandshakesOnceToJoin() throws Exception {
    byte[] plain = new Codec().encode(chat(11, 10));
    server.sendRaw(plain); // what anyone can send with the server's address
    byte[] forged = new byte[LinkFormat.SEALED_OVERHEAD + plain.length];
    forged[0] = LinkFormat.SEALED; // sealed in form, under a key id of no session
    server.sendRaw(forged);
    awaitTally(t -> t.linkRefused == 2);

    send(chat(11, 10)); // sealed: shown
    assertThat(nextAck()).isEqualTo(new Ack(TOKEN, 11));
    Tally tally = awaitTally(t -> t.delivered == 1);
    assertThat(tally.delivered).isEqualTo(1);
    assertThat(tally.linkRefused).isEqualTo(2);
    assertThat(tally.handshakes).isEqualTo(1);
    assertThat(server.hellos()).isEqualTo(1);
  }

  @Test
  void heartbeatsAndRejoinsAfterItsExpiry() throws Exception {
    Ping ping = nextOf(Ping.class);
    assertThat(ping.session()).isEqualTo(TOKEN);
    send(new Pong(ping.id()));
    send(chat(11, 10));
    nextOf(Ack.class);

    send(Notice.unnumbered(Notice.Kind.EXPIRED, "m0", 0));

    Join rejoin = nextOf(Join.class);
    assertThat(rejoin.since()).isEqualTo(11);
    Tally tally = awaitTally(t -> t.expiredNotices == 1);
    assertThat(tally.pongs).isEqualTo(1);
  }

  private Chat chat(long seq, long prev) {
    return new Chat(
        seq, prev, 1, "m9", Stamp.text(System.nanoTime(), 9, seq, 100), false, null, null);
  }

  private Ack nextAck() throws Exception {
    return nextOf(Ack.class);
  }

  private <T extends ClientMessage> T nextOf(Class<T> type) throws Exception {
    return server.nextOf(type);
  }

  private ClientMessage receive() throws Exception {
    return server.receive();
  }

  private void send(ServerMessage message) throws Exception {
    server.send(message);
  }

  private Tally awaitTally(java.util.function.Predicate<Tally> done) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      Tally tally = pool.call(load.tally::snapshot);
      if (done.test(tally) || System.nanoTime() > deadline) {
        return tally;
      }
      Thread.sleep(10);
    }
  }
}
