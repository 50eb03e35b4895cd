package udpchat.client.session;

import java.net.InetSocketAddress;
import udpchat.protocol.ClientMessage;

/**
 * How the session reaches the server; it must not block, since the session's thread also keeps its
 * timers.
 */
public interface Transport {

  /** Sends one message; UDP promises nothing, so a failure is not an error for the caller. */
  void send(ClientMessage message);

  /** The server's address, as the user is shown it. */
  InetSocketAddress server();
}
