package udpchat.server;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import udpchat.protocol.Join;
import udpchat.protocol.Message;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.Retry;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;

/**
 * A socket that speaks the protocol by hand, as an attacker (or a minimal client) would: it counts
 * every byte and datagram it sends and receives, so a test can say what an attack cost and brought.
 */
public final class RawPeer implements AutoCloseable {

  final DatagramSocket socket;
  final InetSocketAddress server;
  private final Codec codec = new Codec();
  long datagramsSent;
  long bytesSent;
  long datagramsReceived;
  long bytesReceived;

  /** The smallest datagram sent, in bytes. */
  int smallestSent = Integer.MAX_VALUE;

  /** The largest datagram received, in bytes. */
  int largestReceived;

  /** A peer on {@code ip} (any 127.x address binds on Linux), on a free port. */
  RawPeer(String ip, InetSocketAddress server) throws IOException {
    this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(ip), 0));
    this.server = server;
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  void send(Message message) throws IOException {
    send(codec.encode(message));
  }

  void send(byte[] datagram) throws IOException {
    socket.send(new DatagramPacket(datagram, datagram.length, server));
    datagramsSent++;
    bytesSent += datagram.length;
    smallestSent = Math.min(smallestSent, datagram.length);
  }

  /** The next datagram within {@code timeoutMs}, decoded, or null if none came. */
  ServerMessage receive(int timeoutMs) throws IOException {
    byte[] buffer = new byte[2048];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    socket.setSoTimeout(timeoutMs);
    try {
      socket.receive(packet);
    } catch (SocketTimeoutException e) {
      return null;
    }
    datagramsReceived++;
    bytesReceived += packet.getLength();
    largestReceived = Math.max(largestReceived, packet.getLength());
    try {
      return codec.decode(packet.getData(), packet.getLength(), ServerMessage.class);
    } catch (ProtocolException e) {
      throw new AssertionError("the server sent something undecodable", e);
    }
  }

  /** Everything that arrives now, without waiting. */
  List<ServerMessage> drain() throws IOException {
    List<ServerMessage> received = new ArrayList<>();
    for (ServerMessage m = receive(1); m != null; m = receive(1)) {
      received.add(m);
    }
    return received;
  }

  /** The next datagram of {@code type}, skipping others, within five seconds. */
  <T extends ServerMessage> T await(Class<T> type) throws IOException {
    long deadline = System.currentTimeMillis() + 5000;
    while (System.currentTimeMillis() < deadline) {
      ServerMessage message = receive(500);
      if (type.isInstance(message)) {
        return type.cast(message);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " from the server");
  }

  /** Joins as a client does: the join, the retry, the join with its cookie; the welcome. */
  Welcome join(String name) throws IOException {
    Join join = new Join(name, ClientIds.of(name), 1, null);
    send(join);
    send(join.withCookie(await(Retry.class).cookie()));
    return await(Welcome.class);
  }

  @Override
  public void close() {
    socket.close();
  }
}
