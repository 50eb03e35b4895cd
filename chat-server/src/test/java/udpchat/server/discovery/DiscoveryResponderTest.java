package udpchat.server.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.crypto.DatagramSeal;
import udpchat.crypto.Flow;
import udpchat.crypto.RoomKey;
import udpchat.discovery.DiscoveryProtocol;
import udpchat.secure.identity.Fingerprint;
import udpchat.secure.noise.X25519;
import udpchat.time.MonotonicClock;

/** The responder on a real socket; requests are sent to 127.0.0.1 only. */
@Timeout(30)
public class DiscoveryResponderTest {

  private static final Fingerprint KEY = Fingerprint.of(X25519.generate().publicKey());

  DiscoveryResponder responder;
  DatagramSocket client;
  InetSocketAddress target;

  @BeforeEach
  void start() throws Exception {
    responder =
        DiscoveryResponder.forTest(new InetSocketAddress(0), 4242, "kitchen", 7, KEY).start();
    target = new InetSocketAddress(InetAddress.getLoopbackAddress(), responder.address().getPort());
    client = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    client.setSoTimeout(500);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    responder.close();
  }

  Optional<DatagramPacket> ask(byte[] request) throws Exception {
    client.send(new DatagramPacket(request, request.length, target));
    DatagramPacket reply = new DatagramPacket(new byte[2048], 2048);
    try {
      client.receive(reply);
      return Optional.of(reply);
    } catch (SocketTimeoutException e) {
      return Optional.empty();
    }
  }

  @Test
  void aRequestIsAnsweredWithTheChatPortAndRoomInFewerBytes() throws Exception {
    byte[] request = DiscoveryProtocol.request(99);
    DatagramPacket reply = ask(request).orElseThrow();
    assertThat(reply.getLength()).isLessThan(request.length);
    assertThat(DiscoveryProtocol.readReply(reply.getData(), reply.getLength()))
        .contains(new DiscoveryProtocol.Reply(99, 4242, "kitchen", 7, KEY));
  }

  @Test
  void aPrivateRoomAnswersOnlyARequestSealedWithItsKeyAndSealsTheReply() throws Exception {
    DatagramSeal seal = DatagramSeal.of(RoomKey.derive("attic"));
    try (DiscoveryResponder sealed =
        new DiscoveryResponder(
                new InetSocketAddress(0),
                4343,
                "attic",
                seal,
                MonotonicClock.INSTANCE,
                source -> true,
                8,
                KEY)
            .start()) {
      target = new InetSocketAddress(InetAddress.getLoopbackAddress(), sealed.address().getPort());
      assertThat(ask(DiscoveryProtocol.request(7))).as("a plain request").isEmpty();
      ByteBuffer wrongKey =
          DatagramSeal.of(RoomKey.derive("cellar"))
              .seal(
                  Flow.DISCOVERY_REQUEST,
                  DiscoveryProtocol.request(8),
                  DiscoveryProtocol.REQUEST_BYTES);
      assertThat(ask(bytes(wrongKey))).as("sealed with another key").isEmpty();

      byte[] request =
          bytes(
              seal.seal(
                  Flow.DISCOVERY_REQUEST,
                  DiscoveryProtocol.request(9),
                  DiscoveryProtocol.REQUEST_BYTES));
      DatagramPacket reply = ask(request).orElseThrow();
      assertThat(reply.getLength()).isLessThan(request.length);
      assertThat(DiscoveryProtocol.readReply(reply.getData(), reply.getLength()))
          .as("not readable without the key")
          .isEmpty();
      ByteBuffer opened =
          seal.open(Flow.DISCOVERY_REPLY, ByteBuffer.wrap(reply.getData(), 0, reply.getLength()));
      assertThat(DiscoveryProtocol.readReply(opened.array(), opened.limit()))
          .contains(new DiscoveryProtocol.Reply(9, 4343, "attic", 8, KEY));
    }
  }

  private static byte[] bytes(ByteBuffer buffer) {
    return java.util.Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
  }

  @Test
  void anythingElseGetsNothingAndASecondRequestWithinASecondNeither() throws Exception {
    assertThat(ask(new byte[] {1, 2, 3})).isEmpty();
    byte[] shortRequest = new byte[DiscoveryProtocol.REQUEST_BYTES - 1];
    System.arraycopy(DiscoveryProtocol.request(1), 0, shortRequest, 0, shortRequest.length);
    assertThat(ask(shortRequest)).as("unpadded").isEmpty();
    assertThat(ask(DiscoveryProtocol.request(2))).isPresent();
    assertThat(ask(DiscoveryProtocol.request(3))).as("rate-limited").isEmpty();
  }
}
