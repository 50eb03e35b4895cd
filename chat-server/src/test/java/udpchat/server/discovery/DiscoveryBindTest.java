package udpchat.server.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.util.Collections;
import java.util.Optional;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.crypto.DatagramSeal;
import udpchat.discovery.DiscoveryProtocol;
import udpchat.secure.identity.Fingerprint;
import udpchat.secure.noise.X25519;

/** Discovery answers only the network the chat socket is bound to (--bind 127.0.0.1: this host). */
@Timeout(30)
public class DiscoveryBindTest {

  private static final Fingerprint KEY = Fingerprint.of(X25519.generate().publicKey());

  /** An IPv4 address of this host that is not loopback, if it has one. */
  static Optional<InetAddress> ownLanAddress() throws Exception {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address) {
            return Optional.of(address);
          }
        }
      }
    }
    return Optional.empty();
  }

  static boolean answered(InetAddress from, InetSocketAddress responder) throws Exception {
    try (DatagramSocket client = new DatagramSocket(0, from)) {
      client.setSoTimeout(1000);
      byte[] request = DiscoveryProtocol.request(5);
      client.send(new DatagramPacket(request, request.length, responder));
      client.receive(new DatagramPacket(new byte[2048], 2048));
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  @Test
  void aServerBoundToLoopbackAnswersThisHostOnlyNotAnotherInterface() throws Exception {
    InetAddress lan = ownLanAddress().orElse(null);
    Assumptions.assumeTrue(lan != null, "skipped: this host has no interface but loopback");
    InetAddress loopback = InetAddress.getLoopbackAddress();
    try (DiscoveryResponder responder =
        new DiscoveryResponder(
                new InetSocketAddress(0),
                4242,
                "kitchen",
                DatagramSeal.NONE,
                Clock.systemUTC(),
                ServedNetwork.of(loopback),
                7,
                KEY)
            .start()) {
      int port = responder.address().getPort();

      assertThat(answered(loopback, new InetSocketAddress(loopback, port))).isTrue();
      // Sent to this host's LAN address from it: the source is not loopback, as a LAN peer's.
      assertThat(answered(lan, new InetSocketAddress(lan, port))).isFalse();
      Awaitility.await().until(() -> responder.ignoredFromElsewhere() == 1);
    }
  }

  @Test
  void theNetworkOfAnAddressIsItsInterfacesSubnet() throws Exception {
    InetAddress lan = ownLanAddress().orElse(null);
    Assumptions.assumeTrue(lan != null, "skipped: this host has no interface but loopback");
    ServedNetwork network = ServedNetwork.of(lan);
    assertThat(network.test(lan)).isTrue();
    assertThat(network.test(InetAddress.getLoopbackAddress())).isFalse();
    assertThat(ServedNetwork.of(InetAddress.getByName("0.0.0.0")).test(lan)).isTrue();
    assertThat(
            ServedNetwork.of(InetAddress.getLoopbackAddress())
                .test(InetAddress.getByName("127.0.0.2")))
        .isTrue();
  }
}
