package udpchat.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.net.FaultInjector;
import udpchat.net.Faults;
import udpchat.protocol.Drops;
import udpchat.protocol.Pong;
import udpchat.protocol.json.Codec;
import udpchat.secure.link.LinkPair;

/**
 * The sender thread survives an unexpected exception: it counts it and sends what comes next,
 * sealed under the member's session.
 */
public class SenderSurvivalTest {

  @Test
  @Timeout(30)
  void aBatchThatThrowsIsCountedAndTheNextIsSent() throws Exception {
    try (DatagramChannel channel =
            DatagramChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        DatagramSocket member = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        FaultInjector faults = new FaultInjector(Faults.NONE, "test-faults")) {
      member.setSoTimeout(20_000);
      Sender sender = new Sender(channel, new Codec(), new Drops(Clock.systemUTC()), faults);
      sender.start();
      InetSocketAddress to = (InetSocketAddress) member.getLocalSocketAddress();
      LinkPair link = LinkPair.handshake();
      // An address the kernel cannot send to makes the channel throw an unchecked exception, as
      // a bug would: this batch is lost.
      InetSocketAddress nowhere = InetSocketAddress.createUnresolved("nowhere.invalid", 9);
      sender.use(nowhere, link.server());
      sender.send(new Pong(1), nowhere);
      Awaitility.await().until(() -> sender.failures() == 1);

      sender.use(to, link.server());
      sender.send(new Pong(2), to);
      DatagramPacket received = new DatagramPacket(new byte[2048], 2048);
      member.receive(received);
      byte[] opened =
          link.open(Arrays.copyOf(received.getData(), received.getLength())); // sealed for it
      assertThat(new String(opened, StandardCharsets.UTF_8))
          .contains("\"type\":\"pong\"", "\"id\":2");
      assertThat(sender.failures()).isEqualTo(1);
      sender.close();
    }
  }
}
