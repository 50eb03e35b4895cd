package udpchat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The flood gate: a bucket per source IP address, and a bounded number of them. */
class FloodGateTest {

  @Test
  void theGateKeepsOneBucketPerIpAddressWhateverThePort() throws Exception {
    FloodGate gate = new FloodGate(1, 2);
    InetAddress mallory = InetAddress.getByName("127.0.0.66");
    assertThat(gate.allow(mallory, 0)).isTrue();
    assertThat(gate.allow(mallory, 0)).isTrue();
    assertThat(gate.allow(mallory, 0)).isFalse();
    assertThat(gate.allow(InetAddress.getByName("127.0.0.1"), 0)).isTrue();
    assertThat(gate.allow(mallory, 999)).isFalse();
    assertThat(gate.allow(mallory, 1000)).isTrue();
    assertThat(gate.sources()).isEqualTo(2);
  }

  @Test
  void theGateRemembersAtMostItsSourcesAndAForgottenOneStartsFull() throws Exception {
    FloodGate gate = new FloodGate(1, 1);
    InetAddress first = InetAddress.getByName("127.1.0.0");
    assertThat(gate.allow(first, 0)).isTrue();
    assertThat(gate.allow(first, 0)).isFalse();
    for (int i = 1; i <= FloodGate.SOURCES; i++) {
      gate.allow(InetAddress.getByAddress(new byte[] {127, 1, (byte) (i >> 8), (byte) i}), 0);
    }
    assertThat(gate.sources()).isEqualTo(FloodGate.SOURCES);
    assertThat(gate.allow(first, 0)).isTrue(); // forgotten: fails open, never shut
  }

  @Test
  void aRateOfZeroLetsEverythingThroughAndKeepsNothing() throws Exception {
    FloodGate gate = new FloodGate(0, 1);
    for (int i = 0; i < 10_000; i++) {
      assertThat(gate.allow(InetAddress.getLoopbackAddress(), 0)).isTrue();
    }
    assertThat(gate.sources()).isZero();
  }
}
