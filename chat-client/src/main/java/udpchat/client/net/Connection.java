package udpchat.client.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import udpchat.client.room.ServerReachability;
import udpchat.net.FaultInjector;

/**
 * The client's UDP socket, connected to the server: the kernel then delivers only datagrams whose
 * source is the server's address (which anyone on the LAN can forge, so the {@link ServerLink}
 * authenticates each). It writes what the link gives it and reads for the {@link Receiver}; it
 * knows nothing of what the bytes mean.
 */
public final class Connection implements AutoCloseable {

  private final DatagramChannel channel;
  private final InetSocketAddress server;
  private final FaultInjector faults;
  private final ServerReachability reachability;

  public Connection(InetSocketAddress server, FaultInjector faults, ServerReachability reachability)
      throws IOException {
    this.reachability = reachability;
    this.server = server;
    this.faults = faults;
    this.channel = DatagramChannel.open();
    try {
      channel.connect(server);
    } catch (IOException e) {
      channel.close();
      throw e;
    }
  }

  /** The server's address, as the user is shown it. */
  public InetSocketAddress server() {
    return server;
  }

  /**
   * Sends one datagram. A failure is counted and told to the {@link ServerReachability}, which says
   * it once: the server's port closed (an ICMP error the kernel reports on the next call), or the
   * network down. The session goes on: UDP promises nothing, and it notices the silence too.
   */
  public void write(ByteBuffer datagram) {
    try {
      faults.send(datagram, server, (bytes, to) -> channel.write(bytes));
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
