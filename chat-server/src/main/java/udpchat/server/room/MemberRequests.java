package udpchat.server.room;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.protocol.Away;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.History;
import udpchat.protocol.Limits;
import udpchat.protocol.Members;
import udpchat.protocol.Nick;
import udpchat.protocol.Notice;
import udpchat.protocol.ProtocolException;
import udpchat.server.journal.RoomEvent;
import udpchat.server.room.members.Member;
import udpchat.text.Names;
import udpchat.text.Sanitizer;

/**
 * The requests a member makes about itself and the room, beside its messages: {@code /who}, the
 * history, a new name, {@code /away}.
 */
final class MemberRequests extends RoomPart {

  private static final Logger log = LoggerFactory.getLogger(Room.class);

  MemberRequests(RoomPart room) {
    super(room);
  }

  /** The list, split over as many datagrams as it needs (a name takes up to 128 bytes). */
  void who(Member member, long nowMs) {
    List<String> names = roster.names();
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
    // Then where each stands: who is away, who has gone quiet.
    roster
        .presence()
        .report(roster.members(), nowMs)
        .forEach(p -> outbox.send(p, member.address()));
  }

  /** The last events everyone saw, each marked as this request's answer. */
  void history(Member member, History history) {
    List<RoomEvent> recalled = events.recallable(history.count());
    for (RoomEvent event : recalled) {
      outbox.send(event.recalled(history.id(), recalled.size()), member.address());
    }
  }

  void nick(Member member, Nick nick, long nowMs) {
    Optional<String> problem = Names.problem(nick.name());
    if (problem.isPresent()) {
      outbox.send(
          new ErrorReply(ErrorReply.NAME_INVALID, problem.get(), nick.id()), member.address());
      return;
    }
    Member holder = roster.clash(nick.name(), member);
    if (holder != null) {
      outbox.send(
          new ErrorReply(ErrorReply.NAME_TAKEN, Joining.taken(nick.name(), holder), nick.id()),
          member.address());
      return;
    }
    String oldName = member.name();
    roster.rename(member, nick.name());
    announcer.flushHeld(nowMs); // under the old name: said before the rename
    String newName = member.name();
    RoomEvent event =
        events.stage(
            seq -> Notice.renamed(seq, stampOf.applyAsLong(nowMs), oldName, newName, roster.size()),
            RoomEvent.Audience.EVERYONE,
            null,
            0);
    outbox.whenStored(
        () -> {
          log.info("{} is now known as {}", oldName, newName);
          delivery.publish(event, roster.streams(), nowMs);
        },
        () -> {
          // Not durable, so not done: the member keeps its old name.
          roster.rename(member, oldName);
        },
        failure ->
            outbox.send(
                new ErrorReply(ErrorReply.NOT_STORED, journalFailures.failed(failure), nick.id()),
                member.address()));
  }

  /** {@code /away}: the reason is made safe and measured like a text; every member is told. */
  void away(Member member, Away away) {
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
    roster.broadcast(roster.presence().away(member, away.away(), reason));
  }

  /**
   * A datagram from {@code member} that was not valid protocol: it is told (at most once a second)
   * so its client can show the problem.
   */
  void malformed(Member member, ProtocolException problem, long nowMs) {
    if (member.mayReplyError(nowMs)) {
      outbox.send(
          new ErrorReply(
              ErrorReply.MALFORMED,
              "the server dropped a datagram: "
                  + problem.reason().code()
                  + ": "
                  + problem.getMessage(),
              0),
          member.address());
    }
  }

  /** {@code member} leaves: the room is told, with the next membership notice. */
  void leave(Member member, long nowMs) {
    roster.remove(member);
    log.info("{} left ({} online)", member.name(), roster.size());
    announcer.changed(Notice.Kind.LEFT, member.name(), roster.size(), nowMs);
    announcer.due(nowMs);
  }
}
