package udpchat.server.net;

import java.net.InetSocketAddress;
import java.util.List;
import udpchat.secure.link.SealedSession;

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

  /** What the sending thread does with it. */
  enum Kind {
    /** A message of the room: sealed under each address's session, then sent. */
    DATAGRAM,
    /** A handshake's answer: sent as it is. */
    RAW,
    /** The address's session to seal with from now on ({@link #session}). */
    USE,
    /** The address has no session any more. */
    FORGET
  }

  private final byte[] bytes;
  private final List<InetSocketAddress> to;
  private final int events;
  private final Kind kind;
  private final SealedSession session;

  Outgoing(byte[] bytes, List<InetSocketAddress> to, int events) {
    this(Kind.DATAGRAM, bytes, to, events, null);
  }

  private Outgoing(
      Kind kind, byte[] bytes, List<InetSocketAddress> to, int events, SealedSession session) {
    this.kind = kind;
    this.bytes = bytes;
    this.to = to;
    this.events = events;
    this.session = session;
  }

  static Outgoing raw(InetSocketAddress to, byte[] datagram) {
    return new Outgoing(Kind.RAW, datagram, List.of(to), 0, null);
  }

  static Outgoing use(InetSocketAddress to, SealedSession session) {
    return new Outgoing(Kind.USE, new byte[0], List.of(to), 0, session);
  }

  static Outgoing forget(InetSocketAddress to) {
    return new Outgoing(Kind.FORGET, new byte[0], List.of(to), 0, null);
  }

  Kind kind() {
    return kind;
  }

  SealedSession session() {
    return session;
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
