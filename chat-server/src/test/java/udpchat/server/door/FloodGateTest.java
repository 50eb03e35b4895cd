package udpchat.server.door;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The flood gate: a bucket per source IP address, and a bounded number of them. */
public class FloodGateTest {

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
  void aFullGateHoldsNewSourcesToOneSharedBucketUntilABucketIsFullAgain() throws Exception {
    FloodGate gate = new FloodGate(1, 1); // one datagram, then one a second
    InetAddress first = source(0);
    for (int i = 0; i < FloodGate.SOURCES; i++) {
      assertThat(gate.allow(source(i), 0)).isTrue(); // each takes its only token
    }
    assertThat(gate.sources()).isEqualTo(FloodGate.SOURCES);

    // Every place is taken by a bucket in use: newcomers share one bucket, never a fresh one each.
    assertThat(gate.allow(source(FloodGate.SOURCES), 0)).isTrue();
    assertThat(gate.allow(source(FloodGate.SOURCES + 1), 0)).isFalse();
    assertThat(gate.allow(source(FloodGate.SOURCES + 2), 999)).isFalse();
    assertThat(gate.allow(first, 999)).isFalse(); // not forgotten while in use: never fails open
    assertThat(gate.overflowed()).isEqualTo(3);

    // A second on, the buckets are full again: forgetting the one heard from longest ago (the
    // second source, as the first was just heard) changes nothing, and the newcomer gets its place.
    assertThat(gate.allow(source(FloodGate.SOURCES + 3), 1000)).isTrue();
    assertThat(gate.sources()).isEqualTo(FloodGate.SOURCES);
    assertThat(gate.overflowed()).isEqualTo(3);
    assertThat(gate.allow(source(FloodGate.SOURCES + 3), 1000)).isFalse(); // its own bucket now
    assertThat(gate.allow(first, 1000)).isTrue();
  }

  private static InetAddress source(int i) throws Exception {
    return InetAddress.getByAddress(new byte[] {127, 1, (byte) (i >> 8), (byte) i});
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
