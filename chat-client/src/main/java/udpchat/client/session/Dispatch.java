package udpchat.client.session;

import udpchat.client.view.narrator.Narrator;
import udpchat.protocol.Batch;
import udpchat.protocol.Chat;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Lost;
import udpchat.protocol.Members;
import udpchat.protocol.Notice;
import udpchat.protocol.Pong;
import udpchat.protocol.Posted;
import udpchat.protocol.Presence;
import udpchat.protocol.Private;
import udpchat.protocol.Retry;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;

/**
 * What the server says, each message to the part of the {@link Session} whose role it is: one
 * method per message type, so a type added to the protocol is a compile error here until handled.
 * On the session's thread ({@link SessionAgent}). A message outside the room's order goes to the
 * listener before the session acts on it; a room event reaches the listener once, in order, from
 * the {@link RoomEvents}.
 */
final class Dispatch implements ServerMessage.Handler {

  private final Standing standing;
  private final Narrator say;
  private final Handshake handshake;
  private final RoomEvents room;
  private final Requests requests;

  /** When the message being dispatched was read. */
  private long nowMs;

  Dispatch(
      Standing standing, Narrator say, Handshake handshake, RoomEvents room, Requests requests) {
    this.standing = standing;
    this.say = say;
    this.handshake = handshake;
    this.room = room;
    this.requests = requests;
  }

  /** A message read at {@code nowMs}, to the method for its type. */
  void onMessage(ServerMessage message, long nowMs) {
    this.nowMs = nowMs;
    message.dispatch(this);
  }

  /** Heard from the server: the listener is told of what is not a room event. */
  private void heard(ServerMessage message, boolean roomEvent) {
    if (!roomEvent) {
      standing.listener().onMessage(message, nowMs);
    }
    if (standing.phase() instanceof Phase.Joined joined && joined.liveness().heard(nowMs)) {
      say.serverAnswering(nowMs);
    }
  }

  @Override
  public void onWelcome(Welcome welcome) {
    heard(welcome, false);
    handshake.onWelcome(welcome, nowMs);
  }

  @Override
  public void onPong(Pong pong) {
    heard(pong, false); // hearing from the server was the point
  }

  @Override
  public void onPosted(Posted posted) {
    heard(posted, false);
    requests.onPosted(posted, nowMs);
  }

  @Override
  public void onMembers(Members members) {
    heard(members, false);
    room.members(members, nowMs);
  }

  @Override
  public void onErrorReply(ErrorReply error) {
    heard(error, false);
    if (error.n() != null) {
      requests.onRefused(error, nowMs);
    } else {
      handshake.onError(error, nowMs);
    }
  }

  @Override
  public void onRetry(Retry retry) {
    heard(retry, false);
    handshake.onRetry(retry, nowMs);
  }

  @Override
  public void onChat(Chat chat) {
    heard(chat, true);
    room.onNumbered(
        chat, chat.seq(), chat.prev(), chat.ref(), chat.ref() == null ? 0 : chat.of(), nowMs);
  }

  @Override
  public void onPrivate(Private whisper) {
    heard(whisper, true);
    room.onNumbered(whisper, whisper.seq(), whisper.prev(), null, 0, nowMs);
  }

  @Override
  public void onLost(Lost lost) {
    heard(lost, true);
    room.onNumbered(lost, lost.seq(), lost.prev(), null, 0, nowMs);
  }

  @Override
  public void onNotice(Notice notice) {
    heard(notice, notice.numbered());
    if (notice.numbered()) {
      int of = notice.ref() == null ? 0 : notice.of();
      room.onNumbered(notice, notice.seq(), notice.prev(), notice.ref(), of, nowMs);
    } else {
      room.onUnnumbered(notice, nowMs);
    }
  }

  @Override
  public void onPresence(Presence presence) {
    heard(presence, false); // for the listeners: the roster, the presence notices
  }

  @Override
  public void onBatch(Batch batch) {
    heard(batch, false); // the receiver hands a batch's events over one by one
  }
}
