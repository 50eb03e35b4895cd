package udpchat.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import udpchat.crypto.DatagramSeal;
import udpchat.protocol.Join;
import udpchat.protocol.Message;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.Retry;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;
import udpchat.secure.link.Initiator;
import udpchat.secure.link.ServerKeyCheck;
import udpchat.secure.transport.RefusedDatagram;
import udpchat.secure.transport.RekeyPolicy;

/**
 * A socket that speaks the protocol by hand, as an attacker (or a minimal client) would: the JSON
 * it sends goes through its own link (a real handshake with the server, then sealed), and it can
 * also send raw bytes outside the link ({@link #sendRaw}). It counts every byte and datagram it
 * sends and receives on the wire, so a test can say what an attack cost and brought.
 */
public final class RawPeer implements AutoCloseable {

  final DatagramSocket socket;
  final InetSocketAddress server;
  private final Codec codec = new Codec();
  private final Initiator link =
      new Initiator(
          null, ServerKeyCheck.ANY, RekeyPolicy.DEFAULT, DatagramSeal.NONE, this::sendWire);
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

  /** Sends {@code json} sealed under this peer's session (the handshake first, if need be). */
  void send(byte[] json) {
    link.send(json, System.nanoTime());
  }

  /** Completes a handshake with the server (within five seconds): a session, no member yet. */
  RawPeer linked() throws IOException {
    link.connect(System.nanoTime());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!link.established()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no handshake with the server within five seconds");
      }
      receivePayload(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100));
    }
    return this;
  }

  /** Whether the link has a session with the server. */
  boolean established() {
    return link.established();
  }

  private void sendWire(ByteBuffer datagram) {
    byte[] bytes = new byte[datagram.remaining()];
    datagram.get(bytes);
    try {
      sendRaw(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code datagram} as it is, outside the link. */
  void sendRaw(byte[] datagram) throws IOException {
    socket.send(new DatagramPacket(datagram, datagram.length, server));
    datagramsSent++;
    bytesSent += datagram.length;
    smallestSent = Math.min(smallestSent, datagram.length);
  }

  /**
   * The next message within {@code timeoutMs}, opened and decoded, or null if none came; the link's
   * own datagrams (a retry, an accept) are answered and counted on the way.
   */
  ServerMessage receive(int timeoutMs) throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (true) {
      byte[] payload = receivePayload(deadline);
      if (payload == NOTHING) {
        return null;
      }
      if (payload == null) {
        continue; // the link's own
      }
      try {
        return codec.decode(payload, payload.length, ServerMessage.class);
      } catch (ProtocolException e) {
        throw new AssertionError("the server sent something undecodable", e);
      }
    }
  }

  private static final byte[] NOTHING = new byte[0];

  /** The next datagram's payload, null for the link's own, {@link #NOTHING} at the deadline. */
  private byte[] receivePayload(long deadlineNanos) throws IOException {
    byte[] buffer = new byte[2048];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    // At least a millisecond: what is waiting already is read even when the time is up.
    long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    socket.setSoTimeout((int) left);
    try {
      socket.receive(packet);
    } catch (SocketTimeoutException e) {
      link.tick(System.nanoTime());
      return NOTHING;
    }
    datagramsReceived++;
    bytesReceived += packet.getLength();
    largestReceived = Math.max(largestReceived, packet.getLength());
    try {
      return link.receive(
          ByteBuffer.wrap(packet.getData(), 0, packet.getLength()), System.nanoTime());
    } catch (RefusedDatagram e) {
      throw new AssertionError("the server sent something that does not open", e);
    }
  }

  /**
   * Counts what arrives now without reading it, as a stranger that never answers does: a retry read
   * by the link would start a handshake.
   */
  void drainUnread() throws IOException {
    byte[] buffer = new byte[2048];
    socket.setSoTimeout(1);
    while (true) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        socket.receive(packet);
      } catch (SocketTimeoutException e) {
        return;
      }
      datagramsReceived++;
      bytesReceived += packet.getLength();
      largestReceived = Math.max(largestReceived, packet.getLength());
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
