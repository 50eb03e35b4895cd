package udpchat.crypto;

import java.net.SocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refuses sealed datagrams that were opened before: a {@link ReplayWindow} per sender, where a
 * sender is a source address and the random prefix of the nonces one process seals with ({@link
 * NonceSequence}). Keyed by both, so a process that starts again at the same address (a new random
 * prefix) has a window of its own, and a recording of the old process cannot disturb the new one's.
 * The same datagram sent from another address is that address's first, and is answered as a
 * stranger's would be.
 *
 * <p>Only datagrams that opened under the room key reach it, so only the room's own members and
 * server make windows; at most {@code senders} are kept, the least recently heard forgotten.
 *
 * <p>Thread-safe.
 */
final class ReplayGuard {

  private record Sender(SocketAddress address, int prefix) {}

  private final Map<Sender, ReplayWindow> windows;

  /** A guard that remembers at most {@code senders} senders. */
  ReplayGuard(int senders) {
    this.windows =
        new LinkedHashMap<>(64, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Sender, ReplayWindow> eldest) {
            return size() > senders;
          }
        };
  }

  /** Whether the datagram {@code from} with this nonce is new, and if so remembers it. */
  synchronized boolean fresh(SocketAddress from, int prefix, long counter) {
    Sender sender = new Sender(from, prefix);
    ReplayWindow window = windows.get(sender);
    if (window == null) {
      windows.put(sender, new ReplayWindow(counter));
      return true;
    }
    return window.fresh(counter);
  }

  /** How many senders it remembers. */
  synchronized int senders() {
    return windows.size();
  }
}
