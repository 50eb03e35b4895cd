package udpchat.server.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;
import udpchat.crypto.DatagramSeal;
import udpchat.discovery.DiscoveryProtocol;
import udpchat.secure.identity.Fingerprint;
import udpchat.secure.noise.X25519;
import udpchat.time.MonotonicClock;

/**
 * The discovery thread survives a component that throws on every request: the first failure is
 * logged with its cause, the others only counted, and the next good request is answered.
 */
@Timeout(30)
public class DiscoverySurvivalTest {

  private static final Fingerprint KEY = Fingerprint.of(X25519.generate().publicKey());

  static final int FAILING = 50;

  final ListAppender<ILoggingEvent> log = new ListAppender<>();
  final Logger logger = (Logger) LoggerFactory.getLogger(DiscoveryResponder.class);

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
  void aBugHitByEveryRequestIsLoggedOnceAndTheThreadGoesOn() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    try (DiscoveryResponder responder =
            new DiscoveryResponder(
                    new InetSocketAddress(0),
                    4242,
                    "kitchen",
                    DatagramSeal.NONE,
                    MonotonicClock.INSTANCE,
                    source -> {
                      if (asked.incrementAndGet() <= FAILING) {
                        throw new IllegalStateException("a bug in the network check");
                      }
                      return true;
                    },
                    7,
                    KEY)
                .start();
        DatagramSocket client = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      InetSocketAddress target =
          new InetSocketAddress(InetAddress.getLoopbackAddress(), responder.address().getPort());
      byte[] request = DiscoveryProtocol.request(99);
      for (int i = 0; i < FAILING; i++) {
        client.send(new DatagramPacket(request, request.length, target));
      }
      Awaitility.await().until(() -> responder.failures() == FAILING);

      client.setSoTimeout(5_000);
      client.send(new DatagramPacket(request, request.length, target));
      DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
      client.receive(reply);
      assertThat(DiscoveryProtocol.readReply(reply.getData(), reply.getLength()))
          .contains(new DiscoveryProtocol.Reply(99, 4242, "kitchen", 7, KEY));

      assertThat(log.list.stream().filter(e -> e.getThrowableProxy() != null))
          .singleElement()
          .satisfies(
              first ->
                  assertThat(first.getThrowableProxy().getMessage())
                      .isEqualTo("a bug in the network check"));
    }
  }
}
