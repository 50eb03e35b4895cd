package udpchat.server.link;

import udpchat.secure.link.SealedSession;
import udpchat.server.door.TokenBucket;

/**
 * One address's sessions as the receiving thread holds them: the one in use, the one before it
 * (which still opens what the client sealed before the handover), and one whose accept has gone out
 * and that no datagram has used yet. The client uses the newest it completed, so the first datagram
 * under a pending session promotes it.
 */
final class Peer {

  SealedSession current;
  SealedSession previous;
  SealedSession pending;
  long pendingSinceNanos;

  /** Authenticated datagrams of this address: its own rate, untouched by forgeries; or null. */
  final TokenBucket rate;

  Peer(TokenBucket rate) {
    this.rate = rate;
  }

  /** The session {@code keyId} names, or null. */
  SealedSession find(int keyId) {
    if (current != null && current.keyId() == keyId) {
      return current;
    }
    if (pending != null && pending.keyId() == keyId) {
      return pending;
    }
    if (previous != null && previous.keyId() == keyId) {
      return previous;
    }
    return null;
  }

  /** Makes the pending session the one in use: the client sealed something under it. */
  void promote() {
    previous = current;
    current = pending;
    pending = null;
  }

  /**
   * Drops what may no longer be used at {@code nowNanos}: expired keys, and a pending session older
   * than {@code pendingNanos}. Whether nothing is left.
   */
  boolean expire(long nowNanos, long pendingNanos) {
    if (previous != null && previous.expired(nowNanos)) {
      previous = null;
    }
    if (current != null && current.expired(nowNanos)) {
      current = null;
    }
    if (pending != null && nowNanos - pendingSinceNanos > pendingNanos) {
      pending = null;
    }
    return current == null && previous == null && pending == null;
  }
}
