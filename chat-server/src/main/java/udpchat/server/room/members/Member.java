package udpchat.server.room.members;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongConsumer;
import udpchat.protocol.ErrorReply;
import udpchat.server.delivery.Delivery;
import udpchat.server.delivery.Stream;
import udpchat.text.Names;

/**
 * One member of the room: who it is, when it was last heard, where its stream of room events stands
 * (its {@link Stream}, which {@link Delivery} moves), and which of its client's messages come next.
 * Touched only by the room that holds it, on its thread.
 */
public final class Member {

  /** Messages that arrived ahead of their turn are held, up to this many; the rest are resent. */
  static final int MAX_HELD_MESSAGES = 64;

  /** Refusals remembered, so a refused message sent again gets the same answer. */
  static final int REMEMBERED_REFUSALS = 16;

  private final InetSocketAddress address;
  private final String session;
  private final String client;
  private final long joinedMs;
  private String name;
  private long lastSeenMs;
  private long lastErrorReplyMs = Long.MIN_VALUE / 2; // far past, without overflow in a subtraction

  /** The stream: events after its start that this member may see, in order. */
  private final Stream stream;

  /** The next message number of this member's client to post; earlier ones are duplicates. */
  private long nextN;

  // Made when first needed: most members never send out of turn or are refused, and at 100,000
  // members two empty maps each would be a fifth of the heap a member costs.
  private TreeMap<Long, LongConsumer> held;
  private Map<Long, ErrorReply> refusals;

  public Member(
      InetSocketAddress address,
      String session,
      String client,
      String name,
      long nextN,
      long nowMs) {
    this.address = address;
    this.session = session;
    this.client = client;
    this.name = name;
    this.nextN = nextN;
    this.lastSeenMs = nowMs;
    this.joinedMs = nowMs;
    this.stream = new Stream(address, client);
  }

  /** Where this member stands in the room's events; {@link Delivery} moves it. */
  public Stream stream() {
    return stream;
  }

  public InetSocketAddress address() {
    return address;
  }

  public String session() {
    return session;
  }

  /** The id its client chose for itself, the same across sessions. */
  public String client() {
    return client;
  }

  public String name() {
    return name;
  }

  /** The name as the room compares it; see {@link Names#key}. */
  public String key() {
    return Names.key(name);
  }

  void rename(String newName) {
    this.name = newName;
  }

  /** When it joined, on the timers' clock. */
  public long joinedMs() {
    return joinedMs;
  }

  public long lastSeenMs() {
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
  public boolean mayReplyError(long nowMs) {
    if (nowMs - lastErrorReplyMs < 1000) {
      return false;
    }
    lastErrorReplyMs = nowMs;
    return true;
  }

  // ---- The client's messages, posted once each and in their order ----

  public long nextN() {
    return nextN;
  }

  /** Message {@code nextN} was posted or refused: the next one may go. */
  public void advanceN() {
    nextN++;
  }

  /**
   * Keeps message {@code n}, which came before its turn, as what posts it (given the time then);
   * false when too many are held already.
   */
  public boolean hold(long n, LongConsumer message) {
    if (held == null) {
      held = new TreeMap<>();
    }
    if (held.size() >= MAX_HELD_MESSAGES && !held.containsKey(n)) {
      return false;
    }
    held.put(n, message);
    return true;
  }

  /** What posts the held message whose turn it is now, or {@code null}. */
  public LongConsumer takeHeldTurn() {
    if (held == null) {
      return null;
    }
    held.headMap(nextN).clear(); // duplicates of messages handled since
    return held.remove(nextN);
  }

  public void rememberRefusal(long n, ErrorReply refusal) {
    if (refusals == null) {
      refusals =
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, ErrorReply> eldest) {
              return size() > REMEMBERED_REFUSALS;
            }
          };
    }
    refusals.put(n, refusal);
  }

  public ErrorReply refusal(long n) {
    return refusals == null ? null : refusals.get(n);
  }
}
