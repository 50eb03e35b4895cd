package udpchat.server.room;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.net.Addresses;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Join;
import udpchat.protocol.Notice;
import udpchat.protocol.Welcome;
import udpchat.server.door.SessionTokens;
import udpchat.server.room.members.Member;
import udpchat.text.Names;

/**
 * A join: an address becomes a member only when its cookie shows it receives there, its name is
 * valid and free, and the room has a place; a rejoining client's stream starts where it stopped.
 */
final class Joining extends RoomPart {

  private static final Logger log = LoggerFactory.getLogger(Room.class);

  private final SessionTokens tokens = new SessionTokens();
  private final Duration timeout;
  private final Duration heartbeat;
  private final int backlog;
  private final long epoch;

  /**
   * @param backlog how many recent messages a newcomer is shown
   * @param epoch this server process's id, told to every client in its welcome
   */
  Joining(RoomPart room, Duration timeout, Duration heartbeat, int backlog, long epoch) {
    super(room);
    this.timeout = timeout;
    this.heartbeat = heartbeat;
    this.backlog = backlog;
    this.epoch = epoch;
  }

  void join(InetSocketAddress from, Join join, int bytes, long nowMs) {
    Member existing = roster.get(from);
    if (existing == null && !admission.validated(join, from, nowMs)) {
      // Nothing is kept, and nothing checked, until the address proves it receives: a forged
      // source address never learns its cookie, so a forged join adds nobody.
      admission.retry(from, bytes, nowMs);
      return;
    }
    Optional<String> problem = Names.problem(join.name());
    if (problem.isPresent()) {
      admission.refuse(ErrorReply.NAME_INVALID, problem.get(), from, bytes, nowMs);
      return;
    }
    String key = Names.key(join.name());
    if (existing != null) {
      if (existing.key().equals(key) && existing.client().equals(join.client())) {
        // A retransmitted join whose welcome was lost: the same answer again. It goes only to the
        // member's own address, so a forged copy reveals nothing, and it does not count as a
        // heartbeat, so a forged copy cannot keep a silent member alive; nor does its next
        // change the member's numbering (a forged one could make the room skip messages).
        outbox.send(welcome(existing), from);
      } else {
        // Refused as a stranger is, within its source's few answers a minute: this join may be
        // forged with the member's own address, and each refusal would show on her screen.
        admission.refuse(
            ErrorReply.ALREADY_JOINED,
            "this address is still in the room as "
                + existing.name()
                + " until that session leaves or expires",
            from,
            bytes,
            nowMs);
      }
      return;
    }
    String noPlace = admission.noPlace(roster.size(), from.getAddress());
    if (noPlace != null) {
      admission.refuse(ErrorReply.ROOM_FULL, noPlace, from, bytes, nowMs);
      return;
    }
    Member holder = roster.clash(join.name(), null);
    if (holder != null) {
      admission.refuse(ErrorReply.NAME_TAKEN, taken(join.name(), holder), from, bytes, nowMs);
      return;
    }
    // A message of this client's that the room posted before (its acknowledgement was lost) is
    // never posted again: numbering starts after the last one the room knows of.
    long nextN = Math.max(join.next(), events.lastPosted(join.client()) + 1);
    Member member = new Member(from, tokens.next(), join.client(), join.name(), nextN, nowMs);
    roster.add(member);
    log.info("{} joined from {} ({} online)", member.name(), Addresses.format(from), roster.size());
    delivery.begin(member.stream(), streamStart(join.since()));
    outbox.send(welcome(member), from);
    delivery.catchUp(
        member.stream(), nowMs); // after the welcome, which says where the stream starts
    announcer.changed(Notice.Kind.JOINED, member.name(), roster.size(), nowMs);
    announcer.due(nowMs);
  }

  /**
   * Where a new member's stream starts: after the event a rejoining client saw last (so it misses
   * nothing), or far enough back that a newcomer sees the backlog.
   */
  private long streamStart(Long since) {
    if (since == null) {
      return events.backlogStart(backlog);
    }
    // A client that saw more than this room numbered has seen another room, or events this
    // server lost with its data folder: it starts from now.
    return since > events.durableHead() ? events.durableHead() : since;
  }

  Welcome welcome(Member member) {
    long start = member.stream().start();
    return new Welcome(
        member.session(),
        member.name(),
        heartbeat.toMillis(),
        timeout.toMillis(),
        roster.size(),
        epoch,
        start,
        Math.max(start, member.stream().lastSent()));
  }

  /** Why {@code name} may not be claimed while {@code holder} is in the room. */
  static String taken(String name, Member holder) {
    return holder.key().equals(Names.key(name))
        ? "the name " + holder.name() + " is taken in this room; choose another"
        : "the name "
            + name
            + " looks too much like "
            + holder.name()
            + ", a member of this room;"
            + " choose another";
  }
}
