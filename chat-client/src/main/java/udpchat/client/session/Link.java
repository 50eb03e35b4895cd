package udpchat.client.session;

import java.util.function.Consumer;
import udpchat.protocol.ServerMessage;

/**
 * The layer under the session's messages (protocol 3's handshake and sealed datagrams), owned by
 * the session's thread like the session itself: the {@link SessionAgent} hands it each datagram the
 * receiver read and runs its timers with the session's.
 */
public interface Link {

  /**
   * Opens {@code datagram} and gives each message in it to {@code messages}, in order: none for a
   * datagram of the handshake or one refused (dropped and counted by the link).
   */
  void received(byte[] datagram, long nowMs, Consumer<ServerMessage> messages);

  /** The link's timers: a handshake sent again, a rekey when due. */
  void tick(long nowMs);
}
