package udpchat.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.crypto.DatagramSeal;
import udpchat.crypto.Flow;
import udpchat.crypto.SealException;
import udpchat.net.FaultInjector;
import udpchat.net.Faults;
import udpchat.protocol.Drops;
import udpchat.protocol.Pong;
import udpchat.protocol.json.Codec;

/** The sender thread survives an unexpected exception: it counts it and sends what comes next. */
public class SenderSurvivalTest {

  /** A seal that fails once, as a bug would, then lets datagrams through as an open room's. */
  static final class FailingOnce implements DatagramSeal {
    final AtomicBoolean failed = new AtomicBoolean();

    @Override
    public boolean sealed() {
      return false;
    }

    @Override
    public int overheadBytes() {
      return 0;
    }

    @Override
    public ByteBuffer seal(Flow flow, byte[] contents, int length) {
      if (failed.compareAndSet(false, true)) {
        throw new IllegalStateException("a bug in the seal");
      }
      return NONE.seal(flow, contents, length);
    }

    @Override
    public ByteBuffer open(Flow flow, ByteBuffer datagram) throws SealException {
      return NONE.open(flow, datagram);
    }

    @Override
    public ByteBuffer open(Flow flow, ByteBuffer datagram, SocketAddress from)
        throws SealException {
      return NONE.open(flow, datagram);
    }
  }

  @Test
  @Timeout(30)
  void aBatchThatThrowsIsCountedAndTheNextIsSent() throws Exception {
    try (DatagramChannel channel =
            DatagramChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        DatagramSocket member = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        FaultInjector faults = new FaultInjector(Faults.NONE, "test-faults")) {
      member.setSoTimeout(20_000);
      Sender sender =
          new Sender(channel, new Codec(), new FailingOnce(), new Drops(Clock.systemUTC()), faults);
      sender.start();
      InetSocketAddress to = (InetSocketAddress) member.getLocalSocketAddress();

      sender.send(new Pong(1), to); // its seal throws: this batch is lost
      org.awaitility.Awaitility.await().until(() -> sender.failures() == 1);
      sender.send(new Pong(2), to);

      DatagramPacket received = new DatagramPacket(new byte[2048], 2048);
      member.receive(received);
      String json = new String(received.getData(), 0, received.getLength(), StandardCharsets.UTF_8);
      assertThat(json).contains("\"type\":\"pong\"", "\"id\":2");
      assertThat(sender.failures()).isEqualTo(1);
      sender.close();
    }
  }
}
