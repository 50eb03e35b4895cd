package udpchat.client;

import java.net.InetSocketAddress;
import udpchat.protocol.ClientMessage;

/** How the session reaches the server; it must not block, since the session holds its lock. */
interface Transport {

  /** Sends one message; UDP promises nothing, so a failure is silence, not an error. */
  void send(ClientMessage message);

  /** The server's address, as the user is shown it. */
  InetSocketAddress server();

  /**
   * Whether datagrams are sealed with a room key: then a server that never answers may be one with
   * another key, since a private room's server answers nothing it cannot open.
   */
  default boolean sealed() {
    return false;
  }
}
