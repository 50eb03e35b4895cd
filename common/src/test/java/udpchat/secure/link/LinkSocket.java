package udpchat.secure.link;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import udpchat.crypto.DatagramSeal;
import udpchat.crypto.RoomKey;
import udpchat.secure.transport.RefusedDatagram;
import udpchat.secure.transport.RekeyPolicy;

/**
 * A blocking socket that speaks protocol 3's link to a real server, for tests and hand-written
 * peers: {@link #send} seals a JSON datagram (running the handshake first when needed), {@link
 * #receive} gives the next JSON payload the server sealed. What a test sends inside is up to it, so
 * it can still send the server any bytes as JSON. One thread uses it.
 */
public final class LinkSocket implements AutoCloseable {

  private final DatagramChannel channel;
  private final InetSocketAddress server;
  private final Initiator link;
  private final ByteBuffer buffer = ByteBuffer.allocate(LinkFormat.MAX_DATAGRAM_BYTES + 1);
  private long datagramsSent;
  private long bytesSent;
  private long refused;

  /** An open room's link from {@code ip} (any 127.x binds on Linux), on a free port. */
  public LinkSocket(String ip, InetSocketAddress server) throws IOException {
    this(ip, server, null);
  }

  /** A private room's link when {@code roomKey} is given. */
  public LinkSocket(String ip, InetSocketAddress server, RoomKey roomKey) throws IOException {
    this.server = server;
    this.channel = DatagramChannel.open();
    channel.bind(new InetSocketAddress(InetAddress.getByName(ip), 0));
    channel.connect(server);
    this.link =
        new Initiator(
            roomKey == null ? null : roomKey.handshakeKey(),
            ServerKeyCheck.ANY,
            RekeyPolicy.DEFAULT,
            DatagramSeal.of(roomKey),
            this::write);
  }

  public InetSocketAddress address() throws IOException {
    return (InetSocketAddress) channel.getLocalAddress();
  }

  public InetSocketAddress server() {
    return server;
  }

  /** The link itself (its handshakes, the server's key). */
  public Initiator link() {
    return link;
  }

  /** Seals and sends one JSON datagram (after the handshake, which {@link #receive} completes). */
  public void send(byte[] json) {
    link.send(json, System.nanoTime());
  }

  /**
   * Runs a handshake and waits up to {@code patience} for it to complete: a session, no payload.
   */
  public LinkSocket connect(Duration patience) throws IOException {
    link.connect(System.nanoTime());
    awaitEstablished(patience);
    return this;
  }

  private void awaitEstablished(Duration patience) throws IOException {
    long deadline = System.nanoTime() + patience.toNanos();
    while (!link.established() && System.nanoTime() < deadline) {
      receive(Duration.ofMillis(20), true); // answers the retry and the accept
    }
    if (!link.established()) {
      throw new SocketTimeoutException("no handshake with " + server + " within " + patience);
    }
  }

  /** Sends {@code json} and waits up to {@code patience} for the handshake to let it go. */
  public void sendEstablished(byte[] json, Duration patience) throws IOException {
    link.send(json, System.nanoTime());
    awaitEstablished(patience);
  }

  /**
   * The next JSON payload from the server within {@code patience}, answering the handshake's
   * datagrams on the way; null if none came.
   */
  public byte[] receive(Duration patience) throws IOException {
    return receive(patience, false);
  }

  /** As {@link #receive(Duration)}; returns null at once when a handshake completes if asked. */
  private byte[] receive(Duration patience, boolean untilEstablished) throws IOException {
    long deadline = System.nanoTime() + patience.toNanos();
    DatagramPacket packet = new DatagramPacket(buffer.array(), buffer.capacity());
    while (true) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return null;
      }
      // Waits at most a tenth of a second at a time, so the link's timers run meanwhile.
      channel.socket().setSoTimeout((int) Math.min(left, 100));
      try {
        channel.socket().receive(packet);
      } catch (SocketTimeoutException e) {
        link.tick(System.nanoTime());
        continue;
      }
      try {
        byte[] payload =
            link.receive(
                ByteBuffer.wrap(packet.getData(), 0, packet.getLength()), System.nanoTime());
        if (payload != null || untilEstablished && link.established()) {
          return payload;
        }
      } catch (RefusedDatagram e) {
        refused++;
      }
    }
  }

  /** Datagrams and bytes this socket sent on the wire (handshake included). */
  public long datagramsSent() {
    return datagramsSent;
  }

  public long bytesSent() {
    return bytesSent;
  }

  /** Datagrams from the server this link refused. */
  public long refused() {
    return refused;
  }

  /** Sends raw bytes as they are, outside the link (a forgery, a plaintext datagram). */
  public void sendRaw(byte[] datagram) throws IOException {
    write(ByteBuffer.wrap(datagram));
  }

  private void write(ByteBuffer datagram) {
    int length = datagram.remaining();
    try {
      channel.write(datagram);
      datagramsSent++;
      bytesSent += length;
    } catch (IOException e) {
      // UDP promises nothing: a test that needs the datagram sees no answer.
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
