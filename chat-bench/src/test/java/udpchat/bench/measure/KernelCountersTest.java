package udpchat.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import org.junit.jupiter.api.Test;

/** The kernel's drop counters are read for the bench's own kind of socket. */
class KernelCountersTest {

  @Test
  void aFullReceiveBufferShowsAsDropsOfThatSocket() throws Exception {
    try (DatagramChannel receiver = DatagramChannel.open();
        DatagramChannel sender = DatagramChannel.open()) {
      receiver.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
      receiver.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = ((InetSocketAddress) receiver.getLocalAddress()).getPort();
      KernelCounters before = KernelCounters.read();

      // Never read: a few KB of buffer holds a handful of these; the kernel drops the rest.
      for (int i = 0; i < 500; i++) {
        sender.send(ByteBuffer.allocate(200), receiver.getLocalAddress());
      }

      KernelCounters after = KernelCounters.read();
      assertThat(after.dropsSince(before, java.util.List.of(port))).isGreaterThan(0);
      assertThat(after.rcvbufErrors()).isGreaterThanOrEqualTo(before.rcvbufErrors());
    }
  }
}
