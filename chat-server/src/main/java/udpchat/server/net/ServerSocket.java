package udpchat.server.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;

/** The server's one UDP socket, opened with buffers sized for a room and bound. */
public final class ServerSocket {

  /**
   * The receive buffer asked of the kernel. The default (about 200 KB) holds only a few hundred
   * small datagrams, and a full buffer drops datagrams silently (only RcvbufErrors in
   * /proc/net/snmp tells); 4 MB absorbs a burst of thousands. The kernel caps it at
   * net.core.rmem_max, and the size granted is logged at start.
   */
  static final int RECEIVE_BUFFER_BYTES = 4 << 20;

  /**
   * The send buffer asked of the kernel. A fan-out to a large room is a burst of datagrams; on a
   * real network card they wait in this buffer, and when it is full the (blocking) send waits
   * rather than drops. 1 MB holds a thousand members' copies of a full datagram. Also capped (by
   * net.core.wmem_max) and logged.
   */
  static final int SEND_BUFFER_BYTES = 1 << 20;

  private ServerSocket() {}

  /** A socket bound to {@code bind}; closed again when a step fails. */
  public static DatagramChannel open(InetSocketAddress bind) throws IOException {
    DatagramChannel channel = DatagramChannel.open();
    try {
      channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER_BYTES);
      channel.setOption(StandardSocketOptions.SO_SNDBUF, SEND_BUFFER_BYTES);
      channel.bind(bind);
      return channel;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }
}
