package udpchat.server.net;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * One encoded datagram and the addresses it goes to. Two are equal only when they are the same
 * object: the {@link Packer} compares members' queues by which datagrams they hold, not by bytes.
 *
 * @param bytes the datagram, never changed after it is made
 * @param to where it goes
 * @param events how many room events of a stream it carries (0, 1, or a batch's count), and so
 *     whether it may be packed with others (exactly 1)
 */
public final class Outgoing {

  private final byte[] bytes;
  private final List<InetSocketAddress> to;
  private final int events;

  Outgoing(byte[] bytes, List<InetSocketAddress> to, int events) {
    this.bytes = bytes;
    this.to = to;
    this.events = events;
  }

  byte[] bytes() {
    return bytes;
  }

  List<InetSocketAddress> to() {
    return to;
  }

  int events() {
    return events;
  }

  /** Whether this is a single room event that a batch may carry. */
  boolean packable() {
    return events == 1;
  }
}
