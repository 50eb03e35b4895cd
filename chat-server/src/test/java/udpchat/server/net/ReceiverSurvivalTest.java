package udpchat.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import udpchat.net.FaultInjector;
import udpchat.net.Faults;
import udpchat.protocol.Drops;
import udpchat.protocol.Join;
import udpchat.protocol.Retry;
import udpchat.protocol.json.Codec;
import udpchat.server.ClientIds;
import udpchat.server.ServerConfig;
import udpchat.server.journal.RoomLog;
import udpchat.server.room.RecordingOutbox;
import udpchat.server.room.Room;
import udpchat.time.MonotonicClock;
import udpchat.time.WallStamps;

/**
 * The receive thread on a real socket survives a component that throws on every datagram for a
 * while: the first failure is logged with its cause, the next 99 only counted, and the join that
 * comes after is handled (the room answers it).
 */
@Timeout(30)
public class ReceiverSurvivalTest {

  static final int FAILING = 100;

  /** A link that throws for the first datagrams, as a bug would, then passes them through. */
  static final class FailingFirst implements LinkOpener {
    final AtomicInteger opened = new AtomicInteger();

    @Override
    public byte[] receive(InetSocketAddress from, ByteBuffer datagram, long nowMs, long nowNanos) {
      if (opened.incrementAndGet() <= FAILING) {
        throw new IllegalStateException("a bug in the link");
      }
      byte[] bytes = new byte[datagram.remaining()];
      datagram.get(bytes);
      return bytes;
    }
  }

  final ListAppender<ILoggingEvent> log = new ListAppender<>();
  final Logger logger = (Logger) LoggerFactory.getLogger(Receiver.class);

  @BeforeEach
  void listen() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void stopListening() {
    logger.detachAppender(log);
  }

  @Test
  void aBugHitByEveryDatagramIsLoggedOnceAndTheNextJoinIsHandled() throws Exception {
    Codec codec = new Codec();
    Drops drops = new Drops(Clock.systemUTC());
    RecordingOutbox outbox = new RecordingOutbox();
    Room room =
        new Room(
            outbox,
            codec,
            drops,
            new RoomLog(100, null),
            Duration.ofSeconds(15),
            Duration.ofSeconds(5),
            20,
            42,
            ServerConfig.DEFAULT_MAX_MEMBERS,
            ServerConfig.DEFAULT_MAX_PER_ADDRESS,
            0,
            new WallStamps(MonotonicClock.INSTANCE, Clock.systemUTC()));
    DatagramChannel channel =
        DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    try (FaultInjector faults = new FaultInjector(Faults.NONE, "test-faults");
        DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        Receiver receiver =
            new Receiver(
                channel, codec, new FailingFirst(), room, drops, faults, MonotonicClock.INSTANCE)) {
      receiver.start();
      byte[] join = codec.encode(new Join("alice", ClientIds.of("alice"), 1, null)); // padded
      DatagramPacket datagram = new DatagramPacket(join, join.length, channel.getLocalAddress());
      for (int i = 0; i < FAILING; i++) {
        client.send(datagram);
        Thread.sleep(1); // the socket's buffer holds them all; this only spreads them
      }
      client.send(datagram); // the first that opens: answered with a retry (its cookie)

      InetSocketAddress alice = (InetSocketAddress) client.getLocalSocketAddress();
      Awaitility.await()
          .until(() -> outbox.to(alice).stream().anyMatch(message -> message instanceof Retry));
      assertThat(log.list.stream().filter(e -> e.getThrowableProxy() != null))
          .singleElement()
          .satisfies(
              first ->
                  assertThat(first.getThrowableProxy().getMessage())
                      .isEqualTo("a bug in the link"));
    }
  }
}
