package udpchat.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import udpchat.crypto.DatagramSeal;
import udpchat.crypto.Flow;
import udpchat.net.FaultInjector;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.Codec;

/**
 * The client's UDP socket, connected to the server: the kernel then delivers only datagrams whose
 * source is the server's address, so strangers on the LAN cannot reach the client directly. In a
 * private room every message is sealed here with the room key, the one place the client sends from;
 * the {@link Receiver} opens what arrives.
 */
final class Connection implements Transport, AutoCloseable {

  private final DatagramChannel channel;
  private final Codec codec;
  private final DatagramSeal seal;
  private final InetSocketAddress server;
  private final FaultInjector faults;

  Connection(InetSocketAddress server, Codec codec, DatagramSeal seal, FaultInjector faults)
      throws IOException {
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

  @Override
  public boolean sealed() {
    return seal.sealed();
  }

  /**
   * Sends one message. A failure (the server's port closed, which the kernel reports as an ICMP
   * error on the next call, or the network down) is not an error here: UDP promises nothing, and
   * the session notices the silence and says so.
   */
  @Override
  public void send(ClientMessage message) {
    byte[] contents = codec.encode(message);
    try {
      faults.send(
          seal.seal(Flow.TO_SERVER, contents, contents.length),
          server,
          (datagram, to) -> channel.write(datagram));
    } catch (IOException e) {
      // silence; see above
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
