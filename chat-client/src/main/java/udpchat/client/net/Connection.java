package udpchat.client.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import udpchat.client.room.ServerReachability;
import udpchat.client.session.Transport;
import udpchat.crypto.DatagramSeal;
import udpchat.crypto.Flow;
import udpchat.net.FaultInjector;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.json.Codec;

/**
 * The client's UDP socket, connected to the server: the kernel then delivers only datagrams whose
 * source is the server's address, so strangers on the LAN cannot reach the client directly. In a
 * private room every message is sealed here with the room key, the one place the client sends from;
 * the {@link Receiver} opens what arrives.
 */
public final class Connection implements Transport, AutoCloseable {

  private final DatagramChannel channel;
  private final Codec codec;
  private final DatagramSeal seal;
  private final InetSocketAddress server;
  private final FaultInjector faults;
  private final ServerReachability reachability;

  public Connection(
      InetSocketAddress server,
      Codec codec,
      DatagramSeal seal,
      FaultInjector faults,
      ServerReachability reachability)
      throws IOException {
    this.reachability = reachability;
    this.server = server;
    this.codec = codec;
    this.seal = seal;
    this.faults = faults;
    this.channel = DatagramChannel.open();
    try {
      channel.connect(server);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  @Override
  public InetSocketAddress server() {
    return server;
  }

  /**
   * Sends one message. A failure is counted and told to the {@link ServerReachability}, which says
   * it once: the server's port closed (an ICMP error the kernel reports on the next call), or the
   * network down. The session goes on: UDP promises nothing, and it notices the silence too.
   */
  @Override
  public void send(ClientMessage message) {
    byte[] contents = codec.encode(message);
    try {
      faults.send(
          seal.seal(Flow.TO_SERVER, contents, contents.length),
          server,
          (datagram, to) -> channel.write(datagram));
    } catch (PortUnreachableException e) {
      reachability.onSendFailed(e, false);
      reachability.onPortUnreachable();
    } catch (IOException e) {
      reachability.onSendFailed(e, true);
    }
  }

  /** Blocks for the next datagram from the server; see {@link DatagramChannel#read}. */
  int receive(ByteBuffer buffer) throws IOException {
    return channel.read(buffer);
  }

  /** Closes the socket, which also ends a blocked {@link #receive}. */
  @Override
  public void close() throws IOException {
    channel.close();
  }
}
