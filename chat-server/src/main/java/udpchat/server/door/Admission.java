package udpchat.server.door;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import udpchat.protocol.Drops;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Join;
import udpchat.protocol.Retry;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.json.Codec;
import udpchat.server.net.Outbox;

/**
 * The room's door: who may become a member, and what an address that is not one is told.
 *
 * <p>An address is validated when a join from it echoes its {@link JoinCookies cookie}; until then
 * the room keeps nothing about it and answers it only with a {@link Retry}. Every reply to an
 * address that is not a member (a retry, or the refusal of a validated join) is no larger than the
 * datagram it answers, and all such replies share one budget of {@link
 * #STRANGER_REPLIES_PER_SECOND}: forged requests from any number of addresses cannot make the
 * server send more bytes than it receives, nor more than that many datagrams a second; and one
 * source is sent only a few a minute ({@link SourceBudget}), so joins forged with a member's own
 * address cannot flood that member with answers. The room holds at most {@code maxMembers}, at most
 * {@code maxPerAddress} of them from one IP address (so one host with many sockets cannot take
 * every place).
 *
 * <p>Called only on the room's thread; the counters are read from any thread.
 */
public final class Admission {

  /** Replies to addresses that are not members, in all, a second; as many at once. */
  public static final int STRANGER_REPLIES_PER_SECOND = 1000;

  private final Outbox outbox;
  private final Codec codec;
  private final Drops drops;
  private final int maxMembers;
  private final int maxPerAddress;
  private final Map<InetAddress, Integer> membersPerAddress = new HashMap<>();
  private final JoinCookies cookies = new JoinCookies();
  private final TokenBucket strangerReplies =
      new TokenBucket(STRANGER_REPLIES_PER_SECOND, STRANGER_REPLIES_PER_SECOND, 0);
  private final SourceBudget perSource = new SourceBudget();
  private final AtomicLong repliesSent = new AtomicLong();
  private final AtomicLong replyBytesSent = new AtomicLong();

  public Admission(Outbox outbox, Codec codec, Drops drops, int maxMembers, int maxPerAddress) {
    if (maxMembers < 1 || maxPerAddress < 1) {
      throw new IllegalArgumentException("a room holds at least one member from each address");
    }
    this.outbox = outbox;
    this.codec = codec;
    this.drops = drops;
    this.maxMembers = maxMembers;
    this.maxPerAddress = maxPerAddress;
  }

  /** Whether {@code join} echoes the cookie of its source address. */
  public boolean validated(Join join, InetSocketAddress from, long nowMs) {
    return cookies.valid(join.cookie(), from, nowMs);
  }

  /** Tells {@code to}, which sent {@code requestBytes}, to join with the cookie of its address. */
  public void retry(InetSocketAddress to, int requestBytes, long nowMs) {
    reply(new Retry(cookies.mint(to, nowMs)), to, requestBytes, nowMs);
  }

  /** Refuses the validated join of an address that is not a member. */
  public void refuse(
      String code, String message, InetSocketAddress to, int requestBytes, long nowMs) {
    reply(new ErrorReply(code, message, 0), to, requestBytes, nowMs);
  }

  /**
   * Why a room of {@code members} has no place for one more from {@code address}, or {@code null}
   * if it has.
   */
  public String noPlace(int members, InetAddress address) {
    if (members >= maxMembers) {
      return "the room is full: it holds at most " + maxMembers + " members";
    }
    if (membersPerAddress.getOrDefault(address, 0) >= maxPerAddress) {
      return "the room holds at most "
          + maxPerAddress
          + " members from one address, and "
          + address.getHostAddress()
          + " has them";
    }
    return null;
  }

  /** Counts a new member from {@code address} against its address's places. */
  public void admitted(InetAddress address) {
    membersPerAddress.merge(address, 1, Integer::sum);
  }

  /** Gives back the place of a member from {@code address} that left or expired. */
  public void departed(InetAddress address) {
    membersPerAddress.computeIfPresent(address, (a, n) -> n == 1 ? null : n - 1);
  }

  /** Replies sent to addresses that were not members. */
  public long repliesSent() {
    return repliesSent.get();
  }

  /** The bytes of those replies. */
  public long replyBytesSent() {
    return replyBytesSent.get();
  }

  private void reply(ServerMessage message, InetSocketAddress to, int requestBytes, long nowMs) {
    // Encoded here only to be measured: these replies are few (the budget below).
    int bytes = codec.encode(message).length;
    if (bytes > requestBytes) {
      drops.count(Drops.WOULD_AMPLIFY, to, bytes + " bytes for " + requestBytes);
    } else if (!perSource.take(to, nowMs)) {
      drops.count(Drops.REPLY_LIMITED, to, Codec.typeName(message.getClass()) + " (this source)");
    } else if (!strangerReplies.take(nowMs)) {
      drops.count(Drops.REPLY_LIMITED, to, Codec.typeName(message.getClass()));
    } else {
      repliesSent.incrementAndGet();
      replyBytesSent.addAndGet(bytes);
      outbox.send(message, to);
    }
  }
}
