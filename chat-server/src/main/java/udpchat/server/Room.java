package udpchat.server;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.protocol.Addresses;
import udpchat.protocol.Away;
import udpchat.protocol.Chat;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.Codec;
import udpchat.protocol.Drops;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Join;
import udpchat.protocol.Leave;
import udpchat.protocol.Limits;
import udpchat.protocol.Members;
import udpchat.protocol.Names;
import udpchat.protocol.Nick;
import udpchat.protocol.Notice;
import udpchat.protocol.Ping;
import udpchat.protocol.Pong;
import udpchat.protocol.Private;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.Say;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.SessionMessage;
import udpchat.protocol.Tell;
import udpchat.protocol.Welcome;
import udpchat.protocol.Who;
import udpchat.text.Sanitizer;

/**
 * The chat room: its members by address and by name, and what each request does to them.
 *
 * <p>A member is identified by its source address and proves each request with the session token it
 * was given on join; a request whose token does not match its address is dropped, so a forged
 * source address cannot speak for anyone. Every authenticated datagram counts as a heartbeat.
 * {@link #expire} removes members whose last datagram is older than the timeout and tells the room.
 *
 * <p>Time is an argument ({@code nowMs}), never read here, so tests decide expiry exactly. All
 * methods are synchronized: the receive thread and the sweeper both call in. Nothing here blocks:
 * replies go to the {@link Outbox}, which sends them on its own thread.
 */
final class Room {

  private static final Logger log = LoggerFactory.getLogger(Room.class);

  private final Outbox outbox;
  private final Codec codec;
  private final Drops drops;
  private final Duration timeout;
  private final Duration heartbeat;
  private final SessionTokens tokens = new SessionTokens();
  private final Map<InetSocketAddress, Member> byAddress = new HashMap<>();
  private final Map<String, Member> byKey = new HashMap<>();
  private boolean closed;
  private final PresenceBoard presence;

  Room(Outbox outbox, Codec codec, Drops drops, Duration timeout, Duration heartbeat) {
    this.outbox = outbox;
    this.codec = codec;
    this.drops = drops;
    this.timeout = timeout;
    this.heartbeat = heartbeat;
    this.presence = new PresenceBoard(timeout.toMillis() / 2);
  }

  /** Handles one decoded request that arrived from {@code from} at {@code nowMs}. */
  synchronized void onRequest(InetSocketAddress from, ClientMessage request, long nowMs) {
    if (closed) {
      return;
    }
    if (request instanceof Join join) {
      join(from, join, nowMs);
      return;
    }
    SessionMessage inSession = (SessionMessage) request;
    Member member = byAddress.get(from);
    if (member == null) {
      drops.count(Drops.NOT_JOINED, from, Codec.typeName(request.getClass()));
      if (!(request instanceof Leave)) {
        // Tells a client the server expired it or restarted, so it rejoins by itself.
        outbox.send(
            new ErrorReply(
                ErrorReply.UNKNOWN_SESSION, "session unknown here: join again", inSession.id()),
            from);
      }
      return;
    }
    if (!member.session().equals(inSession.session())) {
      drops.count(Drops.FORGED_SESSION, from, Codec.typeName(request.getClass()));
      return;
    }
    member.seen(nowMs);
    presence.heard(member).ifPresent(this::broadcast);
    if (request instanceof Ping ping) {
      outbox.send(new Pong(ping.id()), from);
    } else if (request instanceof Say say) {
      say(member, say);
    } else if (request instanceof Tell tell) {
      tell(member, tell);
    } else if (request instanceof Who who) {
      who(member);
    } else if (request instanceof Nick nick) {
      nick(member, nick);
    } else if (request instanceof Leave) {
      remove(member);
      log.info("{} left ({} online)", member.name(), byAddress.size());
      broadcast(Notice.about(Notice.LEFT, member.name(), byAddress.size()));
    } else if (request instanceof Away away) {
      away(member, away);
    }
    if (request instanceof Who) {
      presence.report(byAddress.values(), nowMs).forEach(p -> outbox.send(p, member.address()));
    }
  }

  /**
   * A datagram from {@code from} that was not valid protocol. A member is told (at most once a
   * second) so its client can show the problem; anyone else gets nothing back.
   */
  synchronized void onMalformed(InetSocketAddress from, ProtocolException problem, long nowMs) {
    Member member = byAddress.get(from);
    if (member != null && !closed && member.mayReplyError(nowMs)) {
      outbox.send(
          new ErrorReply(
              ErrorReply.MALFORMED,
              "the server dropped a datagram: "
                  + problem.reason().code()
                  + ": "
                  + problem.getMessage(),
              0),
          from);
    }
  }

  /** Removes every member silent for longer than the timeout at {@code nowMs}; their names. */
  synchronized List<String> expire(long nowMs) {
    List<Member> expired = new ArrayList<>();
    for (Iterator<Member> it = byAddress.values().iterator(); it.hasNext(); ) {
      Member member = it.next();
      if (member.expired(nowMs, timeout.toMillis())) {
        it.remove();
        byKey.remove(member.key());
        presence.forget(member);
        expired.add(member);
      }
    }
    List<String> names = new ArrayList<>();
    for (Member member : expired) {
      names.add(member.name());
      log.info(
          "{} expired: silent for {} ms ({} online)",
          member.name(),
          nowMs - member.lastSeenMs(),
          byAddress.size());
      Notice notice = Notice.about(Notice.EXPIRED, member.name(), byAddress.size());
      broadcast(notice);
      // The expired member is told too: if it is still there, its client rejoins at once.
      outbox.send(notice, member.address());
    }
    presence.sweep(byAddress.values(), nowMs).forEach(this::broadcast);
    return names;
  }

  /** Tells every member the server is going away; from now on requests are ignored. */
  synchronized void shutdown() {
    if (closed) {
      return;
    }
    closed = true;
    broadcast(new Notice(Notice.SHUTDOWN, null, null, 0));
  }

  /** The names of the members, in the order {@code /who} lists them. */
  synchronized List<String> names() {
    List<String> names = new ArrayList<>();
    byAddress.values().forEach(member -> names.add(member.name()));
    names.sort(Comparator.comparing(Names::key).thenComparing(Comparator.naturalOrder()));
    return names;
  }

  synchronized int size() {
    return byAddress.size();
  }

  private void join(InetSocketAddress from, Join join, long nowMs) {
    Optional<String> problem = Names.problem(join.name());
    if (problem.isPresent()) {
      outbox.send(new ErrorReply(ErrorReply.NAME_INVALID, problem.get(), 0), from);
      return;
    }
    Member existing = byAddress.get(from);
    String key = Names.key(join.name());
    if (existing != null) {
      if (existing.key().equals(key)) {
        // A retransmitted join whose welcome was lost: the same answer again. It goes only to the
        // member's own address, so a forged copy reveals nothing, and it does not count as a
        // heartbeat, so a forged copy cannot keep a silent member alive.
        outbox.send(welcome(existing), from);
      } else {
        outbox.send(
            new ErrorReply(
                ErrorReply.ALREADY_JOINED,
                "this address is still in the room as "
                    + existing.name()
                    + " until that session leaves or expires",
                0),
            from);
      }
      return;
    }
    Member holder = byKey.get(key);
    if (holder != null) {
      outbox.send(
          new ErrorReply(
              ErrorReply.NAME_TAKEN,
              "the name " + holder.name() + " is taken in this room; choose another",
              0),
          from);
      return;
    }
    Member member = new Member(from, tokens.next(), join.name(), nowMs);
    byAddress.put(from, member);
    byKey.put(key, member);
    log.info(
        "{} joined from {} ({} online)", member.name(), Addresses.format(from), byAddress.size());
    outbox.send(welcome(member), from);
    broadcastExcept(member, Notice.about(Notice.JOINED, member.name(), byAddress.size()));
  }

  private Welcome welcome(Member member) {
    return new Welcome(
        member.session(),
        member.name(),
        heartbeat.toMillis(),
        timeout.toMillis(),
        byAddress.size());
  }

  private void say(Member member, Say say) {
    cleanText(member, say.text(), say.id())
        .ifPresent(text -> broadcastExcept(member, new Chat(member.name(), text, say.action())));
  }

  private void tell(Member member, Tell tell) {
    Optional<String> text = cleanText(member, tell.text(), tell.id());
    if (text.isEmpty()) {
      return;
    }
    Member target = Names.isValid(tell.to()) ? byKey.get(Names.key(tell.to())) : null;
    if (target == null) {
      // Only a valid name is echoed: anything else could be as long as a whole datagram.
      String who = Names.isValid(tell.to()) ? "named " + tell.to() : "with that name";
      outbox.send(
          new ErrorReply(ErrorReply.NO_SUCH_MEMBER, "there is no member " + who, tell.id()),
          member.address());
      return;
    }
    Private delivered = new Private(member.name(), target.name(), text.get());
    outbox.send(delivered, target.address());
    if (target != member) {
      outbox.send(delivered, member.address()); // the sender's confirmation
    }
  }

  /** The list, split over as many datagrams as it needs (a name takes up to 128 bytes). */
  private void who(Member member) {
    List<String> names = names();
    int budget = Limits.MAX_DATAGRAM_BYTES - 64; // room for {"v":1,"type":"members",...}
    List<String> part = new ArrayList<>();
    int used = 0;
    for (String name : names) {
      int cost = codec.textBytes(name) + 3; // quotes and comma
      if (used + cost > budget) {
        outbox.send(new Members(names.size(), part), member.address());
        part = new ArrayList<>();
        used = 0;
      }
      part.add(name);
      used += cost;
    }
    outbox.send(new Members(names.size(), part), member.address());
  }

  private void nick(Member member, Nick nick) {
    Optional<String> problem = Names.problem(nick.name());
    if (problem.isPresent()) {
      outbox.send(
          new ErrorReply(ErrorReply.NAME_INVALID, problem.get(), nick.id()), member.address());
      return;
    }
    String newKey = Names.key(nick.name());
    Member holder = byKey.get(newKey);
    if (holder != null && holder != member) {
      outbox.send(
          new ErrorReply(
              ErrorReply.NAME_TAKEN,
              "the name " + holder.name() + " is taken in this room; choose another",
              nick.id()),
          member.address());
      return;
    }
    String oldName = member.name();
    byKey.remove(member.key());
    member.rename(nick.name());
    byKey.put(newKey, member);
    log.info("{} is now known as {}", oldName, member.name());
    broadcast(new Notice(Notice.RENAMED, oldName, member.name(), byAddress.size()));
  }

  /** The text to forward, made safe to print, or empty after telling the sender it is too long. */
  private Optional<String> cleanText(Member sender, String text, long id) {
    String clean = Sanitizer.clean(text);
    int bytes = codec.textBytes(clean);
    if (bytes > Limits.MAX_TEXT_BYTES) {
      outbox.send(
          new ErrorReply(
              ErrorReply.TOO_LONG,
              "message of " + bytes + " bytes refused: the limit is " + Limits.MAX_TEXT_BYTES,
              id),
          sender.address());
      return Optional.empty();
    }
    return Optional.of(clean);
  }

  private void remove(Member member) {
    byAddress.remove(member.address());
    byKey.remove(member.key());
    presence.forget(member);
  }

  /** {@code /away}: the reason is made safe and measured like a text; every member is told. */
  private void away(Member member, Away away) {
    String reason = away.reason() == null ? null : Sanitizer.clean(away.reason());
    if (reason != null && codec.textBytes(reason) > Away.MAX_REASON_BYTES) {
      outbox.send(
          new ErrorReply(
              ErrorReply.TOO_LONG,
              "away reason refused: the limit is " + Away.MAX_REASON_BYTES + " bytes",
              away.id()),
          member.address());
      return;
    }
    broadcast(presence.away(member, away.away(), reason));
  }

  private void broadcast(ServerMessage message) {
    outbox.broadcast(message, addresses(null));
  }

  private void broadcastExcept(Member excluded, ServerMessage message) {
    outbox.broadcast(message, addresses(excluded));
  }

  private Collection<InetSocketAddress> addresses(Member excluded) {
    List<InetSocketAddress> addresses = new ArrayList<>(byAddress.size());
    for (Member member : byAddress.values()) {
      if (member != excluded) {
        addresses.add(member.address());
      }
    }
    return addresses;
  }
}
