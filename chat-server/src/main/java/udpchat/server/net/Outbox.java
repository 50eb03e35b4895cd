package udpchat.server.net;

import java.net.InetSocketAddress;
import java.util.Collection;
import java.util.List;
import udpchat.protocol.ServerMessage;

/** Where the room puts what it sends; it must not block, since the room holds its lock. */
public interface Outbox {

  void broadcast(ServerMessage message, Collection<InetSocketAddress> to);

  default void send(ServerMessage message, InetSocketAddress to) {
    broadcast(message, List.of(to));
  }

  /**
   * Whether datagrams queued earlier are still waiting to be sent. Then an event that is not
   * acknowledged in time has most likely not left yet, and sending it again would only add copies
   * to the queue of an overloaded server (and more with each timeout, a collapse).
   */
  default boolean backlogged() {
    return false;
  }
}
