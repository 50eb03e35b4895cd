package udpchat.client;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A man in the middle on loopback, for the tests: one client talks to the relay as if it were the
 * server, the relay forwards each datagram both ways and keeps a copy. The server sees the relay's
 * address as the member's, so {@link #sendAsClient} forges a datagram from the member's own source
 * address, as an attacker on the LAN could. Owns its two threads, stopped on close.
 */
public final class CapturingRelay implements AutoCloseable {

  /** One datagram seen, and which way it went. */
  record Captured(boolean toServer, byte[] bytes) {}

  private final InetSocketAddress server;
  private final DatagramSocket clientSide;
  private final DatagramSocket serverSide;
  private final List<Captured> captured = new CopyOnWriteArrayList<>();
  private final Thread upstream;
  private final Thread downstream;
  private volatile SocketAddress client;

  CapturingRelay(InetSocketAddress server) throws SocketException {
    this.server = server;
    InetAddress loopback = InetAddress.getLoopbackAddress();
    this.clientSide = new DatagramSocket(new InetSocketAddress(loopback, 0));
    this.serverSide = new DatagramSocket(new InetSocketAddress(loopback, 0));
    this.upstream = new Thread(this::forwardToServer, "relay-up");
    this.downstream = new Thread(this::forwardToClient, "relay-down");
    upstream.start();
    downstream.start();
  }

  /** Where the client sends, as if to the server. */
  InetSocketAddress address() {
    return (InetSocketAddress) clientSide.getLocalSocketAddress();
  }

  /** Every datagram forwarded so far, in order. */
  List<Captured> captured() {
    return List.copyOf(captured);
  }

  /** Sends {@code bytes} to the server from the member's address (the relay's). */
  void sendAsClient(byte[] bytes) throws IOException {
    serverSide.send(new DatagramPacket(bytes, bytes.length, server));
  }

  /** Sends {@code bytes} to the member as if from the server (from the relay's address). */
  void sendAsServer(byte[] bytes) throws IOException {
    clientSide.send(new DatagramPacket(bytes, bytes.length, client));
  }

  private void forwardToServer() {
    byte[] buffer = new byte[2048];
    while (!clientSide.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        clientSide.receive(packet);
        client = packet.getSocketAddress();
        byte[] bytes = Arrays.copyOf(packet.getData(), packet.getLength());
        captured.add(new Captured(true, bytes));
        serverSide.send(new DatagramPacket(bytes, bytes.length, server));
      } catch (IOException e) {
        // closed: the loop ends
      }
    }
  }

  private void forwardToClient() {
    byte[] buffer = new byte[2048];
    while (!serverSide.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        serverSide.receive(packet);
        byte[] bytes = Arrays.copyOf(packet.getData(), packet.getLength());
        captured.add(new Captured(false, bytes));
        if (client != null) {
          clientSide.send(new DatagramPacket(bytes, bytes.length, client));
        }
      } catch (IOException e) {
        // closed: the loop ends
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    clientSide.close();
    serverSide.close();
    upstream.join(5000);
    downstream.join(5000);
  }
}
