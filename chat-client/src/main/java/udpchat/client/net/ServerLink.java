package udpchat.client.net;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import udpchat.client.session.Link;
import udpchat.client.session.Transport;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.Drops;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.json.Codec;
import udpchat.secure.link.Initiator;
import udpchat.secure.transport.RefusedDatagram;

/**
 * The session's way to the server through protocol 3's link: each message it sends is encoded and
 * sealed by the {@link Initiator} (which runs the handshake first), and each datagram that arrives
 * is opened by it before a byte of JSON is read. Only what the session's keys authenticate reaches
 * the session; the rest is dropped and counted by reason, whoever forged the server's address.
 *
 * <p>Not thread-safe, like the initiator: the session's thread ({@code SessionAgent}) owns it,
 * sends through it and hands it every datagram.
 */
public final class ServerLink implements Transport, Link {

  private final Connection connection;
  private final Codec codec;
  private final Initiator initiator;
  private final ServerMessages messages;
  private final Drops drops;
  private final Clock clock;

  /**
   * @param initiator sending its datagrams to {@code connection} ({@link Connection#write})
   * @param clock the timers' clock (monotonic outside tests)
   */
  public ServerLink(
      Connection connection, Codec codec, Initiator initiator, Drops drops, Clock clock) {
    this.connection = connection;
    this.codec = codec;
    this.initiator = initiator;
    this.messages = new ServerMessages(codec, drops, connection.server());
    this.drops = drops;
    this.clock = clock;
  }

  @Override
  public InetSocketAddress server() {
    return connection.server();
  }

  /** Sealed and sent, or kept until the handshake under way completes (the initiator's queue). */
  @Override
  public void send(ClientMessage message) {
    initiator.send(codec.encode(message), nanos(clock.millis()));
  }

  @Override
  public void received(byte[] datagram, long nowMs, Consumer<ServerMessage> into) {
    byte[] payload;
    try {
      payload = initiator.receive(ByteBuffer.wrap(datagram), nanos(nowMs));
    } catch (RefusedDatagram refused) {
      drops.count(reason(refused), connection.server(), refused.getMessage());
      return;
    }
    if (payload != null) {
      messages.decode(payload, into);
    }
  }

  @Override
  public void tick(long nowMs) {
    initiator.tick(nanos(nowMs));
  }

  /** How many handshakes completed (the first, then one per rekey or server restart). */
  public long handshakes() {
    return initiator.handshakes();
  }

  private static long nanos(long ms) {
    return TimeUnit.MILLISECONDS.toNanos(ms);
  }

  /** The counter a refused datagram is dropped under, as the server names the same. */
  static String reason(RefusedDatagram refused) {
    return switch (refused.reason()) {
      case REPLAYED -> Drops.REPLAYED;
      case TOO_OLD -> Drops.TOO_OLD;
      case TOO_SHORT, BAD_SEAL -> Drops.BAD_SEAL;
      case UNKNOWN_SESSION -> Drops.UNKNOWN_SESSION;
      case NOT_SEALED -> Drops.NOT_SEALED;
      case BAD_HANDSHAKE -> Drops.BAD_HANDSHAKE;
      case SERVER_KEY_REFUSED -> Drops.SERVER_KEY_REFUSED;
    };
  }
}
