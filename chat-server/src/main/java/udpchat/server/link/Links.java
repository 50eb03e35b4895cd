package udpchat.server.link;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import udpchat.crypto.DatagramSeal;
import udpchat.crypto.Flow;
import udpchat.crypto.SealException;
import udpchat.protocol.Drops;
import udpchat.secure.link.LinkFormat;
import udpchat.secure.link.Responder;
import udpchat.secure.link.SealedSession;
import udpchat.secure.transport.RefusedDatagram;
import udpchat.server.door.JoinCookies;
import udpchat.server.door.StrangerReplies;
import udpchat.server.door.TokenBucket;
import udpchat.server.net.LinkOpener;
import udpchat.server.net.LinkOutbox;
import udpchat.server.net.RateCheck;

/**
 * The server's end of every link, owned by the receiving thread: each datagram passes through
 * {@link #receive} before any JSON is read, and only the payload of one that opened under its
 * address's session comes out.
 *
 * <p>Two doors, with separate limits. A sealed datagram from an address that holds a session is
 * opened (one MAC check, whatever it is) and then counts against that session's own rate, so a
 * flood forged with a member's address, even its port, costs the member nothing. Everything else is
 * unauthenticated: it counts against its source IP's rate ({@link RateCheck}) first, and gets at
 * most a retry or an accept, each far smaller than the 1200-byte hello, and a few a minute to one
 * source ({@link StrangerReplies}).
 *
 * <p>A hello must carry the cookie of its address (as the JSON join did in protocol 2), so the
 * server spends a Diffie-Hellman only on an address that receives there. The accept makes a pending
 * session; the client's first datagram under it makes it the one in use, and the sending thread is
 * told ({@link LinkOutbox#use}). Sessions end when their keys expire ({@code RekeyPolicy}: a client
 * rekeys every two minutes, so only a silent one's do).
 */
public final class Links implements LinkOpener {

  /** How long an accepted handshake waits for the client's first datagram under it. */
  static final long PENDING_NANOS = 10_000_000_000L;

  private static final long SWEEP_NANOS = 1_000_000_000L;

  private final Responder responder;
  private final DatagramSeal roomSeal;
  private final LinkOutbox out;
  private final RateCheck strangers;
  private final Drops drops;
  private final int sessionRate;
  private final int sessionBurst;
  private final int maxPeers;
  private final JoinCookies cookies = new JoinCookies();
  private final StrangerReplies replies = new StrangerReplies();
  private final Map<InetSocketAddress, Peer> peers = new HashMap<>();
  private long sweptNanos;
  // Read by other threads (the server's counters); written by the receiving thread alone.
  private final LongAdder repliesSent = new LongAdder();
  private final LongAdder replyBytes = new LongAdder();

  /**
   * @param strangers the rate of unauthenticated datagrams per source IP (the flood gate)
   * @param sessionRate authenticated datagrams a second one session may send (0: any number)
   * @param sessionBurst and in a burst
   * @param maxPeers addresses with sessions kept at most (members and handshakes under way)
   */
  public Links(
      Responder responder,
      DatagramSeal roomSeal,
      LinkOutbox out,
      RateCheck strangers,
      Drops drops,
      int sessionRate,
      int sessionBurst,
      int maxPeers) {
    this.responder = responder;
    this.roomSeal = roomSeal;
    this.out = out;
    this.strangers = strangers;
    this.drops = drops;
    this.sessionRate = sessionRate;
    this.sessionBurst = sessionBurst;
    this.maxPeers = maxPeers;
  }

  /** Retries and accepts sent to addresses without a session so far (any thread). */
  public long strangerReplies() {
    return repliesSent.sum();
  }

  /** Their bytes. */
  public long strangerReplyBytes() {
    return replyBytes.sum();
  }

  /** Addresses that hold a session or a handshake under way. */
  public int peers() {
    return peers.size();
  }

  /**
   * The payload of {@code datagram} from {@code from} when it opened under that address's session;
   * otherwise null: a handshake datagram answered here, or a datagram dropped and counted.
   *
   * @param datagram a heap buffer, from its position to its limit
   */
  @Override
  public byte[] receive(InetSocketAddress from, ByteBuffer datagram, long nowMs, long nowNanos) {
    sweep(nowNanos);
    byte[] bytes = datagram.array();
    int offset = datagram.arrayOffset() + datagram.position();
    int length = datagram.remaining();
    if (length > 0 && bytes[offset] == LinkFormat.SEALED) {
      Peer peer = peers.get(from);
      if (peer != null) {
        return authenticated(from, peer, bytes, offset, length, nowMs);
      }
    }
    if (!strangers.allow(from.getAddress(), nowMs)) {
      drops.count(Drops.RATE_LIMITED, from, "over the source address's rate");
      return null;
    }
    if (length > 0 && bytes[offset] == LinkFormat.SEALED) {
      drops.count(Drops.NO_SESSION, from, "a sealed datagram from an address without a session");
      retry(from, nowMs, length);
      return null;
    }
    hello(from, datagram, nowMs, nowNanos);
    return null;
  }

  private byte[] authenticated(
      InetSocketAddress from, Peer peer, byte[] bytes, int offset, int length, long nowMs) {
    if (length < LinkFormat.SEALED_OVERHEAD) {
      drops.count(Drops.BAD_SEAL, from, "shorter than a sealed datagram");
      return null;
    }
    SealedSession session = peer.find(LinkFormat.keyIdOf(bytes, offset));
    if (session == null) {
      // The client holds a session this server forgot (a handshake it never completed here):
      // tell it to handshake again, within the stranger budget.
      drops.count(Drops.UNKNOWN_SESSION, from, "a key id of no session of this address");
      retry(from, nowMs, length);
      return null;
    }
    byte[] payload;
    try {
      payload = session.open(bytes, offset, length);
    } catch (RefusedDatagram e) {
      drops.count(reason(e), from, "did not open under the address's session");
      return null;
    }
    if (session == peer.pending) {
      peer.promote();
      out.use(from, session); // before the room sees the payload, so its answer is sealed so
    }
    if (peer.rate != null && !peer.rate.take(nowMs)) {
      drops.count(Drops.SESSION_RATE_LIMITED, from, "over the session's rate");
      return null;
    }
    return payload;
  }

  private void hello(InetSocketAddress from, ByteBuffer datagram, long nowMs, long nowNanos) {
    ByteBuffer inner = datagram;
    if (roomSeal.sealed()) {
      try {
        inner = roomSeal.open(Flow.TO_SERVER, datagram, from);
      } catch (SealException e) {
        drops.count(e.replayed() ? Drops.REPLAYED : Drops.BAD_SEAL, from, "not under the room key");
        return;
      }
    }
    byte[] bytes = inner.array();
    int offset = inner.arrayOffset() + inner.position();
    int length = inner.remaining();
    byte[] cookie = Responder.cookieOf(bytes, offset, length);
    if (cookie == null) {
      drops.count(Drops.NOT_SEALED, from, "not a hello of protocol 3, nor sealed");
      return;
    }
    if (!cookies.validBytes(cookie, from, nowMs)) {
      retry(from, nowMs, length);
      return;
    }
    Peer peer = peers.get(from);
    if (peer == null && peers.size() >= maxPeers) {
      drops.count(Drops.SESSIONS_FULL, from, "as many sessions as the server keeps");
      return;
    }
    Responder.Accepted accepted;
    try {
      accepted = responder.accept(bytes, offset, length, nowNanos);
    } catch (RefusedDatagram e) {
      drops.count(Drops.BAD_HANDSHAKE, from, "a hello that does not complete");
      return;
    }
    if (peer == null) {
      peer = new Peer(sessionRate == 0 ? null : new TokenBucket(sessionRate, sessionBurst, nowMs));
      peers.put(from, peer);
    }
    peer.pending = accepted.session(); // the client uses its newest: an older pending is dead
    peer.pendingSinceNanos = nowNanos;
    send(from, accepted.datagram());
  }

  /** A retry with the address's cookie, if the stranger budget allows one. */
  private void retry(InetSocketAddress to, long nowMs, int requestBytes) {
    if (requestBytes <= LinkFormat.RETRY_BYTES + roomSeal.overheadBytes()) {
      drops.count(Drops.WOULD_AMPLIFY, to, "a retry would be larger than its request");
      return;
    }
    if (!replies.take(to, nowMs)) {
      drops.count(Drops.REPLY_LIMITED, to, "retry");
      return;
    }
    send(to, LinkFormat.retry(cookies.mintBytes(to, nowMs)));
  }

  private void send(InetSocketAddress to, byte[] datagram) {
    repliesSent.increment();
    replyBytes.add(datagram.length + roomSeal.overheadBytes());
    if (roomSeal.sealed()) {
      ByteBuffer sealed = roomSeal.seal(Flow.TO_CLIENT, datagram, datagram.length);
      byte[] bytes = new byte[sealed.remaining()];
      sealed.get(bytes);
      out.sendRaw(to, bytes);
    } else {
      out.sendRaw(to, datagram);
    }
  }

  /** Once a second: forgets addresses whose keys have all expired, and tells the sender. */
  private void sweep(long nowNanos) {
    if (nowNanos - sweptNanos < SWEEP_NANOS) {
      return;
    }
    sweptNanos = nowNanos;
    Iterator<Map.Entry<InetSocketAddress, Peer>> entries = peers.entrySet().iterator();
    while (entries.hasNext()) {
      Map.Entry<InetSocketAddress, Peer> entry = entries.next();
      boolean hadCurrent = entry.getValue().current != null;
      if (entry.getValue().expire(nowNanos, PENDING_NANOS)) {
        entries.remove();
        if (hadCurrent) {
          out.forget(entry.getKey());
        }
      }
    }
  }

  private static String reason(RefusedDatagram refused) {
    return switch (refused.reason()) {
      case REPLAYED -> Drops.REPLAYED;
      case TOO_OLD -> Drops.TOO_OLD;
      default -> Drops.BAD_SEAL;
    };
  }
}
