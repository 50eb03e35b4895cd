package udpchat.bench.target;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import udpchat.net.Addresses;
import udpchat.protocol.Limits;

/**
 * The baseline: a raw reflector with no protocol. It receives one datagram and sends it to each of
 * the N member addresses, on one thread with a blocking socket, as the simplest possible server
 * would; what it delivers is what this machine can do at all. Run by the bench as a child process
 * of its own, like the server: {@code Reflector ADDRESS-FILE}, one {@code host:port} a line. It
 * prints the port it listens on and the buffer sizes the kernel granted, and runs until killed.
 */
public final class Reflector {

  private Reflector() {}

  public static void main(String[] args) throws IOException {
    List<InetSocketAddress> targets = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of(args[0]))) {
      int colon = line.lastIndexOf(':');
      targets.add(
          new InetSocketAddress(
              line.substring(0, colon), Integer.parseInt(line.substring(colon + 1))));
    }
    try (DatagramChannel channel = DatagramChannel.open()) {
      // The same receive buffer as the chat server asks for, so both meet bursts alike.
      channel.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
      channel.bind(new InetSocketAddress("127.0.0.1", 0));
      System.out.println(
          "reflecting on "
              + Addresses.format((InetSocketAddress) channel.getLocalAddress())
              + " to "
              + targets.size()
              + " addresses (receive buffer "
              + channel.getOption(StandardSocketOptions.SO_RCVBUF)
              + " bytes, send buffer "
              + channel.getOption(StandardSocketOptions.SO_SNDBUF)
              + " bytes)");
      System.out.flush();
      ByteBuffer buffer = ByteBuffer.allocateDirect(Limits.MAX_DATAGRAM_BYTES + 1);
      while (true) {
        buffer.clear();
        channel.receive(buffer);
        buffer.flip();
        for (InetSocketAddress target : targets) {
          channel.send(buffer, target);
          buffer.rewind();
        }
      }
    }
  }
}
