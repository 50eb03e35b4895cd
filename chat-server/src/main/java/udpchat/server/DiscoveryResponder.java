package udpchat.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;

/**
 * The LAN answerer under its old name, for callers outside this module (chat-client's tests) that
 * still import it from here; the answerer itself is {@link
 * udpchat.server.discovery.DiscoveryResponder}. Remove this once they import that one.
 */
public final class DiscoveryResponder implements AutoCloseable {

  private final udpchat.server.discovery.DiscoveryResponder responder;

  private DiscoveryResponder(udpchat.server.discovery.DiscoveryResponder responder) {
    this.responder = responder;
  }

  /** An open room's answerer on {@code bind}; see the discovery package's class. */
  public DiscoveryResponder(InetSocketAddress bind, int chatPort, String room, Clock clock)
      throws IOException {
    this(new udpchat.server.discovery.DiscoveryResponder(bind, chatPort, room, clock));
  }

  /** An open room's answerer that says {@code instance}, answering everyone (tests elsewhere). */
  public static DiscoveryResponder forTest(
      InetSocketAddress bind, int chatPort, String room, long instance) throws IOException {
    return new DiscoveryResponder(
        udpchat.server.discovery.DiscoveryResponder.forTest(bind, chatPort, room, instance));
  }

  public DiscoveryResponder start() throws IOException {
    responder.start();
    return this;
  }

  /** Where the answerer listens, with the port the kernel picked when 0 was asked. */
  public InetSocketAddress address() throws IOException {
    return responder.address();
  }

  @Override
  public void close() throws IOException, InterruptedException {
    responder.close();
  }
}
