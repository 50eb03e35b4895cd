package udpchat.server.room;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import udpchat.protocol.Chat;
import udpchat.protocol.Drops;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Limits;
import udpchat.protocol.Posted;
import udpchat.protocol.Private;
import udpchat.protocol.Say;
import udpchat.protocol.Tell;
import udpchat.server.delivery.Stream;
import udpchat.server.journal.RoomEvent;
import udpchat.server.room.members.Member;
import udpchat.text.Names;
import udpchat.text.Sanitizer;

/**
 * A member's messages ({@code say}, {@code tell}) posted in the client's numbering: each number
 * once and in turn, the ones that come early held, every copy acknowledged again, and each one that
 * cannot be posted refused with a reason its sender is told.
 */
final class Posting extends RoomPart {

  Posting(RoomPart room) {
    super(room);
  }

  /** Posts the member's message {@code say} in its turn, once; acknowledges every copy. */
  void say(Member member, Say say, long nowMs) {
    inTurn(member, say.n(), atMs -> post(member, say, atMs), nowMs);
  }

  /** Posts the member's private message {@code tell} in its turn, once; acknowledges every copy. */
  void tell(Member member, Tell tell, long nowMs) {
    inTurn(member, tell.n(), atMs -> post(member, tell, atMs), nowMs);
  }

  /**
   * Posts the client's message {@code n} ({@code post}, given the time it is posted) in its turn,
   * once; acknowledges every copy.
   */
  private void inTurn(Member member, long n, LongConsumer post, long nowMs) {
    if (n < member.nextN()) {
      ErrorReply refusal = member.refusal(n);
      long seq = refusal != null ? 0 : events.postedAs(member.client(), n);
      if (seq > events.durableHead()) {
        // A copy of a message this cycle posted: its answer waits for the cycle's write.
        outbox.whenStored(
            () -> outbox.send(new Posted(n, seq), member.address()),
            CycleOutbox.NOTHING_TO_UNDO,
            failure -> outbox.send(member.refusal(n), member.address()));
      } else {
        outbox.send(refusal != null ? refusal : new Posted(n, seq), member.address());
      }
      return;
    }
    if (n > member.nextN()) {
      if (!member.hold(n, post)) {
        drops.count(Drops.TOO_FAR_AHEAD, member.address(), "message " + n);
      }
      return; // an earlier one was lost: this one waits for it, unacknowledged
    }
    // This one's turn: post it, and the held messages that follow it.
    for (LongConsumer next = post; next != null; next = member.takeHeldTurn()) {
      next.accept(nowMs);
      member.advanceN();
    }
  }

  private void post(Member member, Say say, long nowMs) {
    Optional<String> text = cleanText(member, say.text(), say.n());
    if (text.isEmpty()) {
      return;
    }
    announcer.flushHeld(nowMs);
    RoomEvent event =
        events.stage(
            seq ->
                Chat.posted(
                    seq, stampOf.applyAsLong(nowMs), member.name(), text.get(), say.action()),
            RoomEvent.Audience.EVERYONE,
            member.client(),
            say.n());
    outbox.whenStored(
        () -> {
          counters.accepted();
          outbox.send(new Posted(say.n(), event.seq()), member.address());
          delivery.publish(event, roster.streams(), nowMs);
        },
        CycleOutbox.NOTHING_TO_UNDO,
        failure -> refuse(member, say.n(), ErrorReply.NOT_STORED, journalFailures.failed(failure)));
  }

  private void post(Member member, Tell tell, long nowMs) {
    Optional<String> text = cleanText(member, tell.text(), tell.n());
    if (text.isEmpty()) {
      return;
    }
    Member target = Names.isWellFormed(tell.to()) ? roster.holder(tell.to()) : null;
    if (target == null) {
      // Only a valid name is echoed: anything else could be as long as a whole datagram.
      String who = Names.isWellFormed(tell.to()) ? "named " + tell.to() : "with that name";
      refuse(member, tell.n(), ErrorReply.NO_SUCH_MEMBER, "there is no member " + who);
      return;
    }
    announcer.flushHeld(nowMs);
    RoomEvent event =
        events.stage(
            seq ->
                new Private(
                    seq,
                    null,
                    stampOf.applyAsLong(nowMs),
                    member.name(),
                    target.name(),
                    text.get()),
            RoomEvent.Audience.pair(member.client(), target.client()),
            member.client(),
            tell.n());
    outbox.whenStored(
        () -> {
          counters.accepted();
          outbox.send(new Posted(tell.n(), event.seq()), member.address());
          // The sender's copy is its place in its own stream: the confirmation that it was
          // delivered. Either may have left in this cycle: nothing more is sent to it then.
          List<Stream> to = new ArrayList<>(2);
          if (roster.present(target)) {
            to.add(target.stream());
          }
          if (target != member && roster.present(member)) {
            to.add(member.stream());
          }
          delivery.publish(event, to, nowMs);
        },
        CycleOutbox.NOTHING_TO_UNDO,
        failure ->
            refuse(member, tell.n(), ErrorReply.NOT_STORED, journalFailures.failed(failure)));
  }

  /** The text to forward, made safe to print, or empty after telling the sender it is too long. */
  private Optional<String> cleanText(Member sender, String text, long n) {
    String clean = Sanitizer.clean(text);
    int bytes = codec.textBytes(clean);
    if (bytes > Limits.MAX_TEXT_BYTES) {
      refuse(
          sender,
          n,
          ErrorReply.TOO_LONG,
          "message of " + bytes + " bytes refused: the limit is " + Limits.MAX_TEXT_BYTES);
      return Optional.empty();
    }
    return Optional.of(clean);
  }

  private void refuse(Member member, long n, String code, String message) {
    ErrorReply refusal = ErrorReply.refusing(n, code, message);
    member.rememberRefusal(n, refusal);
    outbox.send(refusal, member.address());
  }
}
