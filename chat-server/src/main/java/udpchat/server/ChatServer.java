package udpchat.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.protocol.Addresses;
import udpchat.protocol.Codec;
import udpchat.protocol.Drops;
import udpchat.time.Durations;

/**
 * A running chat server: one UDP socket, the {@link Room}, and the three threads that serve it (the
 * {@link Receiver}, the {@link Sender} and the {@link Sweeper}). Closing it tells the members that
 * the server is going away and stops every thread.
 */
public final class ChatServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ChatServer.class);

  /**
   * The receive buffer asked of the kernel. The default (about 200 KB) holds only a few hundred
   * small datagrams, and a full buffer drops datagrams silently (only RcvbufErrors in
   * /proc/net/snmp tells); 4 MB absorbs a burst of thousands. The kernel caps it at
   * net.core.rmem_max, and the size granted is logged at start.
   */
  static final int RECEIVE_BUFFER_BYTES = 4 << 20;

  private final ServerConfig config;
  private final DatagramChannel channel;
  private final Drops drops;
  private final Sender sender;
  private final Room room;
  private final Receiver receiver;
  private final Sweeper sweeper;

  public ChatServer(ServerConfig config, Clock clock) throws IOException {
    this.config = config;
    this.channel = DatagramChannel.open();
    try {
      channel.setOption(StandardSocketOptions.SO_RCVBUF, RECEIVE_BUFFER_BYTES);
      channel.bind(config.bind());
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    Codec codec = new Codec();
    this.drops = new Drops(clock);
    this.sender = new Sender(channel, codec, drops);
    this.room = new Room(sender, codec, drops, config.timeout(), config.heartbeat());
    this.receiver = new Receiver(channel, codec, room, drops, clock);
    this.sweeper = new Sweeper(room, clock, config.sweep());
  }

  public ChatServer start() throws IOException {
    sender.start();
    receiver.start();
    sweeper.start();
    log.info(
        "listening on {} (timeout {}, sweep {}, heartbeat {}, receive buffer {} bytes)",
        Addresses.format(address()),
        Durations.format(config.timeout()),
        Durations.format(config.sweep()),
        Durations.format(config.heartbeat()),
        channel.getOption(StandardSocketOptions.SO_RCVBUF));
    return this;
  }

  /** The address the socket is bound to, with the port the kernel picked when 0 was asked. */
  public InetSocketAddress address() throws IOException {
    return (InetSocketAddress) channel.getLocalAddress();
  }

  /** The names in the room now, in {@code /who} order. */
  public List<String> members() {
    return room.names();
  }

  /** The drop counters, by reason. */
  public Drops drops() {
    return drops;
  }

  /** Tells the members the server is going away, sends what is queued, and stops the threads. */
  @Override
  public void close() throws IOException, InterruptedException {
    sweeper.close();
    room.shutdown();
    sender.close();
    receiver.close(); // closes the socket last, after the goodbye has been sent
    log.info("stopped");
  }
}
