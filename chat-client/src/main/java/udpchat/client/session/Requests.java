package udpchat.client.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;
import udpchat.client.view.Event;
import udpchat.client.view.narrator.Narrator;
import udpchat.protocol.Away;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Limits;
import udpchat.protocol.Nick;
import udpchat.protocol.Posted;
import udpchat.protocol.Say;
import udpchat.protocol.Tell;
import udpchat.protocol.Who;
import udpchat.protocol.json.Codec;
import udpchat.stream.PendingMessages;
import udpchat.text.Names;

/**
 * What the user asks of the server: messages, numbered and sent again until the server posts or
 * refuses each ({@link PendingMessages}), and the requests that need the room ({@code /who}, {@code
 * /nick}, {@code /away}), held until the session is in it where that is what the user means. On the
 * session's thread ({@link SessionAgent}).
 */
final class Requests {

  private final Standing standing;
  private final Transport transport;
  private final Narrator say;
  private final Codec codec;

  /** Joins (again): a message or a name typed while out of the room. */
  private final LongConsumer rejoin;

  private final PendingMessages pending = new PendingMessages();

  private boolean whoOnceJoined;

  /**
   * The reason of the user's {@code /away} (empty for none given), or null when not away: a new
   * session starts present on the server, so a rejoin says it again.
   */
  private String awayReason;

  Requests(Standing standing, Transport transport, Narrator say, Codec codec, LongConsumer rejoin) {
    this.standing = standing;
    this.transport = transport;
    this.say = say;
    this.codec = codec;
    this.rejoin = rejoin;
  }

  /** How many of the user's messages the server has not acknowledged yet. */
  int unsettled() {
    return pending.size();
  }

  /** How many of the user's messages were sent again. */
  long retransmissions() {
    return pending.retransmissions();
  }

  /** Where the user's numbers go on, for a join: the lowest the server has not settled. */
  long lowestUnsettled() {
    return pending.lowestUnsettled();
  }

  // ---- What the user does ----

  void say(String text, boolean action, long nowMs) {
    send(null, text, action, nowMs);
  }

  void tell(String to, String text, long nowMs) {
    if (!Names.isWellFormed(to)) {
      say.noSuchMember(nowMs, to);
      return;
    }
    send(to, text, false, nowMs);
  }

  void who() {
    if (standing.inRoom()) {
      transport.send(new Who(standing.token(), standing.nextId()));
    } else if (!standing.left()) {
      whoOnceJoined = true; // like a message typed before the welcome, asked once joined
    }
  }

  void nick(String newName, long nowMs) {
    Optional<String> problem = Names.problem(newName);
    if (problem.isPresent()) {
      say.nameUnusable(nowMs, problem.get());
      return;
    }
    if (standing.inRoom()) {
      transport.send(new Nick(standing.token(), standing.nextId(), newName));
    } else if (!standing.left()) {
      standing.rename(newName); // not in the room: join under the new name
      rejoin.accept(nowMs);
    }
  }

  void away(boolean away, String reason, long nowMs) {
    if (reason != null && codec.textBytes(reason) > Away.MAX_REASON_BYTES) {
      say.awayReasonTooLong(nowMs, Away.MAX_REASON_BYTES);
    } else if (standing.inRoom()) {
      awayReason = away ? (reason == null ? "" : reason) : null;
      transport.send(new Away(standing.token(), standing.nextId(), away, reason));
    } else {
      say.awayNotInRoom(nowMs);
    }
  }

  // ---- What the server says of them ----

  void onPosted(Posted posted, long nowMs) {
    PendingMessages.Message settled = pending.posted(posted.n(), nowMs);
    if (settled != null) {
      say.delivered(nowMs, settled.n(), shown(settled));
    }
    // The server takes messages in order: the earlier ones still waiting got there, and their
    // answers were lost. Asking again now answers them at once.
    pending.hurryBefore(posted.n(), nowMs);
    transmitDue(nowMs);
  }

  /** The server refused message {@code error.n()} (not null). */
  void onRefused(ErrorReply error, long nowMs) {
    PendingMessages.Message refused = pending.settle(error.n());
    if (refused != null) {
      say.failed(nowMs, refused.n(), shown(refused), error.message());
    }
  }

  /** In the room (again): what waited goes now; a new session hears the user's away again. */
  void onJoined(boolean newSession, long nowMs) {
    pending.resendAll(nowMs);
    transmitDue(nowMs);
    if (whoOnceJoined) {
      whoOnceJoined = false;
      transport.send(new Who(standing.token(), standing.nextId()));
    }
    if (awayReason != null && newSession) {
      transport.send(
          new Away(
              standing.token(), standing.nextId(), true, awayReason.isEmpty() ? null : awayReason));
    }
  }

  /** The server is gone (see {@code Session}): the messages waiting too long are given up. */
  void giveUp(long nowMs) {
    for (PendingMessages.Message failed : pending.giveUp(nowMs)) {
      say.givenUp(nowMs, failed.n(), shown(failed), PendingMessages.GIVE_UP_MS);
    }
  }

  // ---- Sending ----

  private void send(String to, String text, boolean action, long nowMs) {
    if (standing.phase() instanceof Phase.Expired) {
      rejoin.accept(nowMs); // speaking is a sign of life: back into the room
    }
    if (codec.textBytes(text) > Limits.MAX_TEXT_BYTES) {
      // Never refused: sent as several messages, each cut at a word where one can be.
      List<String> parts = LongLines.split(text, Limits.MAX_TEXT_BYTES, codec::textBytes);
      say.splitInto(nowMs, parts.size());
      for (String part : parts) {
        if (pending.full()) {
          say.tooManyWaiting(nowMs, PendingMessages.CAPACITY);
          return; // the rest of the line is not sent: said once
        }
        send(to, part, action, nowMs);
      }
      return;
    }
    if (standing.left()) {
      return;
    }
    if (pending.full()) {
      say.tooManyWaiting(nowMs, PendingMessages.CAPACITY);
      return;
    }
    PendingMessages.Message message = pending.add(to, text, action, nowMs);
    say.sending(nowMs, message.n(), shown(message));
    if (standing.inRoom()) {
      transmitDue(nowMs);
    } else {
      say.notInTheRoomYet(nowMs);
    }
  }

  /** Sends the messages due now: new ones, and those the server has not acknowledged in time. */
  void transmitDue(long nowMs) {
    String token = standing.token();
    for (PendingMessages.Message message : pending.due(nowMs)) {
      transport.send(
          message.to() == null
              ? new Say(token, message.n(), message.text(), message.action())
              : new Tell(token, message.n(), message.to(), message.text()));
    }
  }

  /** A message of the user's as it will be shown in the room. */
  private Event shown(PendingMessages.Message message) {
    Instant time = say.at(message.typedMs());
    String name = standing.name();
    if (message.to() != null) {
      return Event.privately(time, name, message.to(), message.text(), true);
    }
    return message.action()
        ? Event.action(time, name, message.text(), true)
        : Event.message(time, name, message.text(), true);
  }
}
