package udpchat.bench.load;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.json.Codec;
import udpchat.secure.link.LinkFormat;
import udpchat.secure.link.Responder;
import udpchat.secure.link.SealedSession;
import udpchat.secure.noise.X25519;
import udpchat.secure.transport.RekeyPolicy;

/**
 * A server socket on loopback that a test scripts by hand: it reads what the simulated member sends
 * and answers it, so each test decides exactly what the member hears. It speaks protocol 3's link
 * as a real server does, but skips the cookie: it answers any hello with an accept ({@link
 * Responder}), opens the member's sealed datagrams and seals its answers under that session.
 */
final class ScriptedServer implements AutoCloseable {

  private final Codec codec = new Codec();
  private final Responder responder = new Responder(X25519.generate(), null, RekeyPolicy.DEFAULT);
  private final DatagramSocket socket;
  private SocketAddress member;
  private SealedSession session;
  private long hellos;

  ScriptedServer() throws Exception {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    socket.setSoTimeout(5000);
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /** Hellos answered so far. */
  long hellos() {
    return hellos;
  }

  /**
   * The next JSON message from the member (whose address the answers then go to): hellos on the way
   * are answered; anything neither a hello nor sealed under the session fails the test.
   */
  ClientMessage receive() throws Exception {
    while (true) {
      DatagramPacket packet =
          new DatagramPacket(
              new byte[LinkFormat.MAX_DATAGRAM_BYTES + 1], LinkFormat.MAX_DATAGRAM_BYTES + 1);
      socket.receive(packet);
      member = packet.getSocketAddress();
      byte[] bytes = packet.getData();
      int length = packet.getLength();
      if (Responder.cookieOf(bytes, 0, length) != null) {
        Responder.Accepted accepted = responder.accept(bytes, 0, length, System.nanoTime());
        session = accepted.session();
        hellos++;
        sendRaw(accepted.datagram());
        continue;
      }
      if (session == null || bytes[0] != LinkFormat.SEALED) {
        throw new AssertionError("neither a hello nor sealed: " + length + " bytes");
      }
      byte[] json = session.open(bytes, 0, length);
      return codec.decode(json, json.length, ClientMessage.class);
    }
  }

  /** The next datagram of that type (pings and acks interleave as their timers decide). */
  <T extends ClientMessage> T nextOf(Class<T> type) throws Exception {
    while (true) {
      ClientMessage message = receive();
      if (type.isInstance(message)) {
        return type.cast(message);
      }
    }
  }

  /** Sends {@code message} sealed under the member's session. */
  void send(ServerMessage message) throws Exception {
    byte[] json = codec.encode(message);
    sendRaw(session.seal(json, json.length));
  }

  /** Sends {@code bytes} as they are: what a forger with the server's address could send. */
  void sendRaw(byte[] bytes) throws Exception {
    socket.send(new DatagramPacket(bytes, bytes.length, member));
  }

  @Override
  public void close() {
    socket.close();
  }
}
