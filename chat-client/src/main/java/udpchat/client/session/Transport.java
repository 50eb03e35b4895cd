package udpchat.client.session;

import java.net.InetSocketAddress;
import java.time.Clock;
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

  /**
   * {@code transport}, telling {@code listener} what it sends with the time it was sent: how the
   * round-trip time of a ping is measured without the session knowing about it.
   */
  static Transport watched(Transport transport, Clock clock, SessionListener listener) {
    return new Transport() {
      @Override
      public void send(ClientMessage message) {
        listener.onSent(message, clock.millis()); // before: a fast answer must find the ping known
        transport.send(message);
      }

      @Override
      public InetSocketAddress server() {
        return transport.server();
      }
    };
  }
}
