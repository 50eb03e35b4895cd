package udpchat.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import udpchat.server.ChatServer;
import udpchat.server.ServerConfig;

/** Real servers on loopback for the end-to-end tests. */
public final class TestServers {

  private TestServers() {}

  /** A server on a free loopback port. */
  static ChatServer start(Duration timeout, Duration sweep) throws IOException {
    return start(0, timeout, sweep);
  }

  static ChatServer start(int port, Duration timeout, Duration sweep) throws IOException {
    return new ChatServer(
            new ServerConfig(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeout, sweep),
            Clock.systemUTC())
        .start();
  }

  /** The address a client sends to. */
  static InetSocketAddress addressOf(ChatServer server) throws IOException {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.address().getPort());
  }
}
