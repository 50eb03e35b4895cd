package udpchat.client.session;

import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;
import udpchat.client.session.stream.HistoryRecall;
import udpchat.client.session.stream.Inbox;
import udpchat.client.view.Event;
import udpchat.client.view.narrator.RoomNarrator;
import udpchat.protocol.Ack;
import udpchat.protocol.Batch;
import udpchat.protocol.Chat;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.History;
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
 * The room's numbered events as the user sees them: put in the room's order by the {@link Inbox}
 * and shown once each (the backlog of a first join marked as history), acknowledged to the server,
 * and the answer to {@code /history} gathered and shown together ({@link HistoryRecall}). On the
 * session's thread ({@link SessionAgent}).
 */
final class RoomEvents {

  private final Standing standing;
  private final Transport transport;
  private final RoomNarrator say;

  /** Told when the server expired us: out of the room. */
  private final LongConsumer expired;

  private final Inbox inbox = new Inbox();
  private HistoryRecall recall;

  /** Events up to this number are the backlog shown on the first join, marked as history. */
  private long backlogHead = -1;

  RoomEvents(Standing standing, Transport transport, RoomNarrator say, LongConsumer expired) {
    this.standing = standing;
    this.transport = transport;
    this.say = say;
    this.expired = expired;
  }

  /** The last room event shown in order. */
  long shown() {
    return inbox.shown();
  }

  /** Room events that arrived twice and were shown once. */
  long duplicates() {
    return inbox.duplicates();
  }

  /** A welcome into a new session: its stream starts at {@code welcome.start()}. */
  void newSession(Welcome welcome) {
    inbox.reset(welcome.start());
    backlogHead = standing.everJoined() ? -1 : welcome.head();
  }

  /**
   * A numbered event: in the stream when it has a {@code prev}, else (with a {@code ref}) part of
   * the answer to a {@code /history}.
   */
  void onNumbered(ServerMessage message, long seq, Long prev, Long ref, int of, long nowMs) {
    if (!standing.inRoom()) {
      return; // before the welcome nothing says where the stream starts: it is sent again
    }
    if (prev != null) {
      for (Inbox.Arrival ready : inbox.offer(new Inbox.Arrival(seq, prev, message), nowMs)) {
        boolean old = ready.seq() <= backlogHead;
        if (!old) {
          standing.listener().onMessage(ready.message(), nowMs); // the room now, not as it was
        }
        show(ready.message(), old, nowMs);
      }
    } else if (ref != null && recall != null && ref == recall.id()) {
      if (recall.offer(seq, of, message)) {
        showRecall(nowMs);
      }
    }
  }

  /** A member list, the answer to {@code /who} (or the one each welcome asks for). */
  void members(Members members, long nowMs) {
    say.members(nowMs, members);
  }

  /** A notice outside the room's order: a shutdown, or our own expiry. */
  void onUnnumbered(Notice notice, long nowMs) {
    onNotice(notice, false, nowMs);
  }

  /** Asks for the last {@code count} room events; shown together once they have all come. */
  void history(int count, long nowMs) {
    if (!standing.inRoom()) {
      say.historyNotInRoom(nowMs);
      return;
    }
    recall = new HistoryRecall(standing.nextId(), Math.min(count, History.MAX_COUNT), nowMs);
    transport.send(new History(standing.token(), recall.id(), recall.count()));
  }

  /** In the room: tells the server what was shown when it is time to. */
  void ackIfDue(long nowMs) {
    if (inbox.ackDue(nowMs)) {
      transport.send(new Ack(standing.token(), inbox.shown(), inbox.missingTo()));
    }
  }

  /** In the room: asks for the history again, or gives up on what did not come. */
  void recallTick(long nowMs) {
    if (recall == null) {
      return;
    }
    if (recall.retryDue(nowMs)) {
      transport.send(new History(standing.token(), recall.id(), recall.count()));
    } else if (recall.givenUp(nowMs)) {
      if (recall.expected() < 0) {
        recall = null;
        say.historyUnanswered(nowMs);
      } else {
        showRecall(nowMs);
      }
    }
  }

  private void showRecall(long nowMs) {
    List<ServerMessage> events = recall.events();
    int expected = recall.expected();
    recall = null;
    say.historyHeader(nowMs, events.size());
    events.forEach(event -> show(event, true, nowMs));
    if (events.size() < expected) {
      say.historyIncomplete(nowMs, expected - events.size());
    }
  }

  private void show(ServerMessage message, boolean old, long nowMs) {
    message.dispatch(new Showing(old, nowMs));
  }

  private void onNotice(Notice notice, boolean old, long nowMs) {
    // History says what happened then, to whoever had the name then: never acted upon.
    boolean aboutMe = !old && standing.isMe(notice.name());
    Instant time = notice.at() != null ? stamped(notice.at()) : say.at(nowMs);
    String text =
        switch (notice.kind()) {
          case JOINED -> {
            // The welcome said we joined; a burst of joins names the others too.
            List<String> others =
                old
                    ? notice.members()
                    : notice.members().stream().filter(n -> !standing.isMe(n)).toList();
            yield others.isEmpty() ? null : RoomNarrator.joinedText(others, notice);
          }
          case LEFT -> RoomNarrator.leftText(notice);
          case EXPIRED -> {
            if (aboutMe && !notice.numbered()) {
              if (standing.inRoom()) {
                expired.accept(nowMs); // told to us alone: we are out of the room
              }
              yield null;
            }
            yield RoomNarrator.expiredText(notice);
          }
          case RENAMED -> {
            if (aboutMe) {
              standing.rename(notice.newName());
            }
            yield RoomNarrator.renamedText(notice, aboutMe);
          }
          case SHUTDOWN -> RoomNarrator.shutdownText();
          case UNKNOWN -> RoomNarrator.unknownText(notice); // from a newer server: as it came
        };
    if (text == null) {
      return; // nothing to say, or acted upon instead
    }
    Event event = Event.notice(time, text);
    say.show(old ? event.asOld() : event);
  }

  /** When the server took an event ({@code at}): the same in every client. */
  private static Instant stamped(long epochMs) {
    return Instant.ofEpochMilli(epochMs);
  }

  /** Shows a room event, {@code old} when it is history; only room events are ever held here. */
  private final class Showing implements ServerMessage.Handler {
    private final boolean old;
    private final long nowMs;

    Showing(boolean old, long nowMs) {
      this.old = old;
      this.nowMs = nowMs;
    }

    @Override
    public void onChat(Chat chat) {
      Instant time = stamped(chat.at()); // when the server took it: the same in every client
      boolean mine = standing.isMe(chat.from());
      Event event =
          chat.action()
              ? Event.action(time, chat.from(), chat.text(), mine)
              : Event.message(time, chat.from(), chat.text(), mine);
      say.show(old ? event.asOld() : event);
    }

    @Override
    public void onPrivate(Private pm) {
      say.show(
          Event.privately(
              stamped(pm.at()), pm.from(), pm.to(), pm.text(), standing.isMe(pm.from())));
    }

    @Override
    public void onNotice(Notice notice) {
      RoomEvents.this.onNotice(notice, old, nowMs);
    }

    @Override
    public void onLost(Lost lost) {
      say.missed(nowMs, lost.count());
    }

    // Not room events: never in the stream nor in a recall.

    @Override
    public void onWelcome(Welcome welcome) {}

    @Override
    public void onPong(Pong pong) {}

    @Override
    public void onMembers(Members members) {}

    @Override
    public void onErrorReply(ErrorReply error) {}

    @Override
    public void onPosted(Posted posted) {}

    @Override
    public void onPresence(Presence presence) {}

    @Override
    public void onRetry(Retry retry) {}

    @Override
    public void onBatch(Batch batch) {}
  }
}
