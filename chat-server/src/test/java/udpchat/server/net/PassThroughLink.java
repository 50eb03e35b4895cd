package udpchat.server.net;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;

/**
 * The link out of the way: every datagram's bytes are its payload. For tests of what lies above the
 * link (the receive loop, the room's inbox) that send JSON by hand; the link itself is tested with
 * real handshakes ({@code LinkTest}, the server tests over {@code LinkSocket}).
 */
public final class PassThroughLink implements LinkOpener {

  @Override
  public byte[] receive(InetSocketAddress from, ByteBuffer datagram, long nowMs, long nowNanos) {
    byte[] bytes = new byte[datagram.remaining()];
    datagram.get(bytes);
    return bytes;
  }
}
