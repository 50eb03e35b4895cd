package udpchat.bench.load;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Arrays;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.json.Codec;

/**
 * A server socket on loopback that a test scripts by hand: it reads what the simulated member sends
 * and answers it, so each test decides exactly what the member hears.
 */
final class ScriptedServer implements AutoCloseable {

  private final Codec codec = new Codec();
  private final DatagramSocket socket;
  private SocketAddress member;

  ScriptedServer() throws Exception {
    socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    socket.setSoTimeout(5000);
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /** The next datagram from the member (whose address the answers then go to). */
  ClientMessage receive() throws Exception {
    DatagramPacket packet = new DatagramPacket(new byte[1201], 1201);
    socket.receive(packet);
    member = packet.getSocketAddress();
    return codec.decode(
        Arrays.copyOf(packet.getData(), packet.getLength()),
        packet.getLength(),
        ClientMessage.class);
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

  void send(ServerMessage message) throws Exception {
    byte[] bytes = codec.encode(message);
    socket.send(new DatagramPacket(bytes, bytes.length, member));
  }

  @Override
  public void close() {
    socket.close();
  }
}
