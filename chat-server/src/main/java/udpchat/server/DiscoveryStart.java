package udpchat.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.slf4j.LoggerFactory;
import udpchat.server.discovery.DiscoveryResponder;
import udpchat.server.discovery.ServedNetwork;
import udpchat.time.MonotonicClock;

/** Starts the LAN discovery answerer beside a running server, or warns why it cannot. */
final class DiscoveryStart {

  private DiscoveryStart() {}

  /** The discovery responder, or null (and a warning) when its port cannot be had. */
  static DiscoveryResponder orWarn(
      ChatServer server, int discoveryPort, String room, InetAddress bind) throws IOException {
    try {
      return new DiscoveryResponder(
              new InetSocketAddress(discoveryPort),
              server.address().getPort(),
              room,
              server.seal(),
              MonotonicClock.INSTANCE, // the reply limit is a timer: no wall-clock step moves it
              ServedNetwork.of(bind),
              server.epoch(),
              server.fingerprint())
          .start();
    } catch (IOException e) {
      LoggerFactory.getLogger(ChatServerCommand.class)
          .warn(
              "not answering discovery: cannot listen on UDP port {} ({}); clients need --host",
              discoveryPort,
              e.toString());
      return null;
    }
  }
}
