package udpchat.server.net;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * What the {@link Receiver} passes every datagram through before it reads any JSON: the link's
 * table of sessions ({@code udpchat.server.link.Links}), which answers the handshake itself and
 * gives back only the payloads that opened under their address's session.
 */
public interface LinkOpener {

  /**
   * The payload of {@code datagram} from {@code from}, or null when it was the link's own
   * (answered) or was dropped (counted).
   */
  byte[] receive(InetSocketAddress from, ByteBuffer datagram, long nowMs, long nowNanos);
}
