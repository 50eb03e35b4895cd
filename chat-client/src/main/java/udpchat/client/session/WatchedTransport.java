package udpchat.client.session;

import java.net.InetSocketAddress;
import java.time.Clock;
import udpchat.protocol.ClientMessage;

/**
 * A {@link Transport} that tells a {@link SessionListener} what it sends, with the time it was
 * sent: how the round-trip time of a ping is measured without the session knowing about it.
 */
public final class WatchedTransport implements Transport {

  private final Transport transport;
  private final Clock clock;
  private final SessionListener listener;

  public WatchedTransport(Transport transport, Clock clock, SessionListener listener) {
    this.transport = transport;
    this.clock = clock;
    this.listener = listener;
  }

  @Override
  public void send(ClientMessage message) {
    listener.onSent(message, clock.millis()); // before: a fast answer must find the ping known
    transport.send(message);
  }

  @Override
  public InetSocketAddress server() {
    return transport.server();
  }
}
