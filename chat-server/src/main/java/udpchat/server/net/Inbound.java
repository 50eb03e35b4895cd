package udpchat.server.net;

import java.net.InetSocketAddress;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.ProtocolException;

/**
 * Where the {@link Receiver} hands what it decoded: the room's inbox in the server, the room itself
 * in tests. It must not block, since the receive loop waits for it.
 */
public interface Inbound {

  /**
   * A decoded request from {@code from}, which arrived at {@code nowMs} in a datagram of {@code
   * bytes} bytes.
   */
  void onRequest(InetSocketAddress from, ClientMessage request, int bytes, long nowMs);

  /** A datagram from {@code from} that was not valid protocol. */
  void onMalformed(InetSocketAddress from, ProtocolException problem, long nowMs);
}
