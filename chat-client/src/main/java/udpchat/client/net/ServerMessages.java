package udpchat.client.net;

import java.net.InetSocketAddress;
import java.util.function.Consumer;
import udpchat.protocol.Batch;
import udpchat.protocol.Drops;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.json.Codec;

/**
 * The JSON in an authenticated datagram, as the session takes it: one message, or a {@link Batch}'s
 * events one by one, each as if it had come alone. What is not valid protocol is dropped and
 * counted by its reason (a server of another version, or a bug: it came under the session's keys).
 */
final class ServerMessages {

  private final Codec codec;
  private final Drops drops;
  private final InetSocketAddress server;

  ServerMessages(Codec codec, Drops drops, InetSocketAddress server) {
    this.codec = codec;
    this.drops = drops;
    this.server = server;
  }

  /** Gives each message in {@code payload} to {@code into}, in order. */
  void decode(byte[] payload, Consumer<ServerMessage> into) {
    ServerMessage message;
    try {
      message = codec.decode(payload, payload.length, ServerMessage.class);
    } catch (ProtocolException e) {
      drops.count(e.reason().code(), server, e.getMessage());
      return;
    }
    if (message instanceof Batch batch) {
      batch.items().forEach(into); // the session neither knows nor cares
    } else {
      into.accept(message);
    }
  }
}
