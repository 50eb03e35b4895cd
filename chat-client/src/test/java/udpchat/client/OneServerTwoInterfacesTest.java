package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.client.discovery.ServerFinder;
import udpchat.secure.identity.Fingerprint;
import udpchat.secure.noise.X25519;
import udpchat.server.discovery.DiscoveryResponder;

/** One server heard through two interfaces is listed once: its reply carries its instance. */
@Timeout(30)
public class OneServerTwoInterfacesTest {

  private static final Fingerprint KEY = Fingerprint.of(X25519.generate().publicKey());

  @Test
  void aServerThatAnswersOnTwoAddressesIsFoundOnce() throws Exception {
    InetAddress lan = null;
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address) {
            lan = address;
          }
        }
      }
    }
    Assumptions.assumeTrue(lan != null, "skipped: this host has no interface but loopback");
    try (DiscoveryResponder responder =
        DiscoveryResponder.forTest(new InetSocketAddress(0), 4242, "kitchen", 77, KEY).start()) {
      int port = responder.address().getPort();
      ServerFinder finder =
          new ServerFinder(
              List.of(
                  new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                  new InetSocketAddress(lan, port)),
              Duration.ofMillis(1500),
              Clock.systemUTC());

      List<ServerFinder.Found> found = finder.find();

      assertThat(found).hasSize(1); // not 127.0.0.1:4242 and LAN:4242 as two servers
      assertThat(found.get(0).room()).isEqualTo("kitchen");
    }
  }
}
