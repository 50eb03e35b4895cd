package udpchat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.slf4j.LoggerFactory;
import udpchat.crypto.DatagramSeal;
import udpchat.crypto.Flow;
import udpchat.crypto.RoomKey;
import udpchat.protocol.Ack;
import udpchat.protocol.Away;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.Drops;
import udpchat.protocol.History;
import udpchat.protocol.Join;
import udpchat.protocol.Leave;
import udpchat.protocol.Nick;
import udpchat.protocol.Ping;
import udpchat.protocol.Pong;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.Retry;
import udpchat.protocol.Say;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Tell;
import udpchat.protocol.Welcome;
import udpchat.protocol.Who;
import udpchat.protocol.json.Codec;
import udpchat.protocol.json.Mutations;
import udpchat.secure.link.LinkSocket;

/**
 * Fuzzing the server's handling (jqwik) on a real server on loopback: each input is sent from a
 * stranger's socket (in the open room sealed under the stranger's own session, so that it reaches
 * the JSON decoder; in the private room raw, as anyone without the key can), then a member (the
 * sentinel, on a socket of its own) pings and must be answered. The one receive thread takes
 * datagrams in the order they reach the socket, so when the pong comes the input has been handled,
 * and the drop counters must say what became of it: one drop with the reason the codec gives when
 * the codec refuses it (or, in a private room, one {@code bad-seal}), at most one otherwise.
 * Nothing may be logged as an error (the receive loop's "unexpected failure"). Same seed and tries
 * as the codec's fuzzing.
 */
public class ServerFuzzTest {

  static final String SEED = "20261123";
  static final RoomKey KEY = RoomKey.derive("fuzzing the server");
  static final String TOKEN = "AbCdEfGhIjKlMnOpQr_-09";
  static final Duration PATIENCE = Duration.ofSeconds(10);

  final Codec codec = new Codec();
  final ListAppender<ILoggingEvent> log = new ListAppender<>();
  ChatServer open;
  ChatServer sealed;
  LinkSocket stranger;
  DatagramSocket outsider;
  Sentinel inOpen;
  Sentinel inSealed;
  int sent;

  @BeforeProperty
  void start() throws Exception {
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    // No rate limit: the stranger and the sentinel share 127.0.0.1, and the fuzzing is faster
    // than a client.
    ServerConfig config =
        new ServerConfig(loopback, Duration.ofMinutes(10), Duration.ofSeconds(1))
            .withRateLimit(0, 1);
    open = new ChatServer(config, Clock.systemUTC()).start();
    sealed = new ChatServer(config.withRoomKey(KEY), Clock.systemUTC()).start();
    stranger = new LinkSocket("127.0.0.1", local(open));
    stranger.sendEstablished(codec.encode(new Ping(TOKEN, 0)), PATIENCE); // a session, no member
    outsider = new DatagramSocket(loopback);
    inOpen = new Sentinel(open, null);
    inSealed = new Sentinel(sealed, KEY);
    log.start();
    root().addAppender(log);
  }

  @AfterProperty
  void stop() throws Exception {
    System.out.printf(
        "server fuzzing: %d datagrams sent; drops: open room %s, private room %s%n",
        sent, open.drops().snapshot(), sealed.drops().snapshot());
    root().detachAppender(log);
    inOpen.socket.close();
    inSealed.socket.close();
    stranger.close();
    outsider.close();
    open.close();
    sealed.close();
  }

  @Property(seed = SEED)
  void whateverArrivesIsDroppedAndCountedOrHandledAndTheRoomGoesOn(
      @ForAll("datagrams") byte[] datagram) throws Exception {
    Map<String, Long> before = open.drops().snapshot();
    stranger.send(datagram);
    sent++;
    inOpen.pingAndAwaitPong();

    Map<String, Long> after = open.drops().snapshot();
    long added = total(after) - total(before);
    try {
      codec.decode(datagram, datagram.length, ClientMessage.class);
      // At most its own drop, and its answer's (the stranger's few answers a minute are spent).
      long answerHeld =
          after.getOrDefault(Drops.REPLY_LIMITED, 0L)
              - before.getOrDefault(Drops.REPLY_LIMITED, 0L);
      assertThat(answerHeld).as("answers held back").isBetween(0L, 1L);
      assertThat(added - answerHeld).as("drops for a valid request").isBetween(0L, 1L);
    } catch (ProtocolException refused) {
      // Counted by now: the pong came after it (a bounded wait only covers the rare case of the
      // kernel handing the two sockets' datagrams over in the other order).
      String reason = refused.reason().code();
      long was = before.getOrDefault(reason, 0L);
      awaitCounted(() -> open.drops().count(reason) > was);
      after = open.drops().snapshot();
      assertThat(total(after) - total(before)).as("drops").isEqualTo(1);
      assertThat(after.get(reason) - was).as(reason).isEqualTo(1);
    }
    assertThat(errors()).isEmpty();
  }

  @Property(seed = SEED)
  void inAPrivateRoomWhateverArrivesWithoutTheKeyIsDroppedUnreadAndCounted(
      @ForAll("sealedDatagrams") byte[] datagram) throws Exception {
    long before = total(sealed.drops().snapshot());
    long unread = unread(sealed);
    send(datagram, sealed);
    inSealed.pingAndAwaitPong();
    awaitCounted(() -> unread(sealed) > unread);

    // One drop, before any JSON is read: not under the room key, sealed under no session, not of
    // protocol 3 inside the room seal, or longer than any datagram of it.
    assertThat(total(sealed.drops().snapshot()) - before).isEqualTo(1);
    assertThat(unread(sealed) - unread).isEqualTo(1);
    assertThat(errors()).isEmpty();
  }

  /** Valid requests mutated byte by byte, and random bytes. */
  @Provide
  Arbitrary<byte[]> datagrams() {
    List<byte[]> valid = validRequests().stream().map(codec::encode).toList();
    return Arbitraries.oneOf(
        Combinators.combine(Arbitraries.of(valid), Mutations.edits()).as(Mutations::apply),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(1300));
  }

  /** Valid requests sealed with the key, then mutated; the same sealed with another key; random. */
  @Provide
  Arbitrary<byte[]> sealedDatagrams() {
    DatagramSeal seal = DatagramSeal.of(KEY);
    List<byte[]> sealedRequests =
        validRequests().stream()
            .map(codec::encode)
            .map(bytes -> bytes(seal.seal(Flow.TO_SERVER, bytes, bytes.length)))
            .toList();
    DatagramSeal otherKey = DatagramSeal.of(RoomKey.derive("another key"));
    List<byte[]> otherKeys =
        validRequests().stream()
            .map(codec::encode)
            .map(bytes -> bytes(otherKey.seal(Flow.TO_SERVER, bytes, bytes.length)))
            .toList();
    return Arbitraries.oneOf(
        Combinators.combine(Arbitraries.of(sealedRequests), Mutations.edits())
            .as(Mutations::apply)
            .filter(bytes -> sealedRequests.stream().noneMatch(s -> Arrays.equals(s, bytes))),
        Arbitraries.of(otherKeys),
        Arbitraries.of(validRequests().stream().map(codec::encode).toList()), // not sealed
        Arbitraries.bytes().array(byte[].class).ofMaxSize(1300));
  }

  static List<ClientMessage> validRequests() {
    return List.of(
        new Join("mallory", TOKEN, 1, null),
        new Join("Zoë", TOKEN, 4, 57L),
        new Ping(TOKEN, 7),
        new Ack(TOKEN, 59),
        new Ack(TOKEN, 59, 61L),
        new Say(TOKEN, 3, "hello, room", false),
        new Say(TOKEN, 4, "waves", true),
        new Tell(TOKEN, 5, "sentinel", "psst"),
        new Who(TOKEN, 11),
        new History(TOKEN, 12, 20),
        new Nick(TOKEN, 13, "Alicia"),
        new Leave(TOKEN),
        new Away(TOKEN, 30, true, "lunch"),
        new Away(TOKEN, 31, false, null));
  }

  private void send(byte[] datagram, ChatServer server) throws Exception {
    outsider.send(new DatagramPacket(datagram, datagram.length, local(server)));
    sent++;
  }

  private static long unread(ChatServer server) {
    return server.drops().count(Drops.BAD_SEAL)
        + server.drops().count(Drops.NO_SESSION)
        + server.drops().count(Drops.NOT_SEALED)
        + server.drops().count("oversize");
  }

  private static InetSocketAddress local(ChatServer server) throws Exception {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.address().getPort());
  }

  /** Nearly always true at once: no poll delay then. */
  private static void awaitCounted(java.util.concurrent.Callable<Boolean> counted) {
    await()
        .atMost(PATIENCE)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(1))
        .until(counted);
  }

  private List<ILoggingEvent> errors() {
    return log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).toList();
  }

  private static Logger root() {
    return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  }

  private static long total(Map<String, Long> drops) {
    return drops.values().stream().mapToLong(Long::longValue).sum();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    return Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
  }

  /** A member on its own link: joins once, then pings and waits for its pong. */
  final class Sentinel {
    final LinkSocket socket;
    final String session;
    long nextId = 1;

    Sentinel(ChatServer chat, RoomKey key) throws Exception {
      this.socket = new LinkSocket("127.0.0.1", local(chat), key);
      Join join = new Join("sentinel", "SentinelSentinelSentin", 1, null);
      send(join); // from a new address: answered with a cookie to join with (address validation)
      send(join.withCookie(awaitReply(Retry.class).cookie()));
      this.session = awaitReply(Welcome.class).session();
    }

    void pingAndAwaitPong() throws Exception {
      long id = nextId++;
      send(new Ping(session, id));
      Pong pong = awaitReply(Pong.class);
      while (pong.id() != id) {
        pong = awaitReply(Pong.class);
      }
    }

    private void send(ClientMessage message) {
      socket.send(codec.encode(message));
    }

    private <T extends ServerMessage> T awaitReply(Class<T> type) throws Exception {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (System.nanoTime() < deadline) {
        byte[] payload = socket.receive(PATIENCE);
        if (payload == null) {
          break;
        }
        try {
          ServerMessage message = codec.decode(payload, payload.length, ServerMessage.class);
          if (type.isInstance(message)) {
            return type.cast(message);
          }
        } catch (ProtocolException e) {
          throw new AssertionError("the server sent what does not decode", e);
        }
      }
      throw new AssertionError("the server did not answer within " + PATIENCE);
    }
  }
}
