package udpchat.server;

import java.net.InetSocketAddress;
import udpchat.protocol.Names;

/** One member of the room. Mutable state is guarded by the {@link Room} that holds it. */
final class Member {

  private final InetSocketAddress address;
  private final String session;
  private String name;
  private long lastSeenMs;
  private long lastErrorReplyMs = Long.MIN_VALUE / 2; // far past, without overflow in a subtraction

  Member(InetSocketAddress address, String session, String name, long nowMs) {
    this.address = address;
    this.session = session;
    this.name = name;
    this.lastSeenMs = nowMs;
  }

  InetSocketAddress address() {
    return address;
  }

  String session() {
    return session;
  }

  String name() {
    return name;
  }

  /** The name as the room compares it; see {@link Names#key}. */
  String key() {
    return Names.key(name);
  }

  void rename(String newName) {
    this.name = newName;
  }

  long lastSeenMs() {
    return lastSeenMs;
  }

  void seen(long nowMs) {
    lastSeenMs = Math.max(lastSeenMs, nowMs);
  }

  /** Whether this member's last datagram is older than {@code timeoutMs} at {@code nowMs}. */
  boolean expired(long nowMs, long timeoutMs) {
    return nowMs - lastSeenMs > timeoutMs;
  }

  /**
   * Whether an error reply to this member is allowed now: at most one a second, so garbage sent
   * with a member's forged source address cannot turn the server into a reflector.
   */
  boolean mayReplyError(long nowMs) {
    if (nowMs - lastErrorReplyMs < 1000) {
      return false;
    }
    lastErrorReplyMs = nowMs;
    return true;
  }
}
