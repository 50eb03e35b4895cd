package udpchat.server.net;

import java.net.InetSocketAddress;
import udpchat.secure.link.SealedSession;

/**
 * What the link's table tells the sending thread, in order with the room's datagrams: the keys to
 * seal an address's datagrams with, that an address has none any more, and the handshake's own
 * answers, which go unsealed. It must not block: the receive loop calls it.
 */
public interface LinkOutbox {

  /** From now on, seal what goes to {@code to} under {@code session}. */
  void use(InetSocketAddress to, SealedSession session);

  /** {@code to} has no session any more: what the room still sends it is dropped. */
  void forget(InetSocketAddress to);

  /** A retry or an accept, sent as it is (room-sealed already in a private room). */
  void sendRaw(InetSocketAddress to, byte[] datagram);
}
