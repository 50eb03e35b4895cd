package udpchat.client.session;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import udpchat.client.view.Event;
import udpchat.client.view.Narrator;
import udpchat.client.view.View;
import udpchat.protocol.Ack;
import udpchat.protocol.Addresses;
import udpchat.protocol.Away;
import udpchat.protocol.Chat;
import udpchat.protocol.Codec;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.History;
import udpchat.protocol.Join;
import udpchat.protocol.Leave;
import udpchat.protocol.Limits;
import udpchat.protocol.Lost;
import udpchat.protocol.Members;
import udpchat.protocol.Names;
import udpchat.protocol.Nick;
import udpchat.protocol.Notice;
import udpchat.protocol.Ping;
import udpchat.protocol.Pong;
import udpchat.protocol.Posted;
import udpchat.protocol.Private;
import udpchat.protocol.Retry;
import udpchat.protocol.Say;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Tell;
import udpchat.protocol.Welcome;
import udpchat.protocol.Who;
import udpchat.stream.PendingMessages;
import udpchat.time.WallStamps;

/**
 * The client's side of the conversation: joining and rejoining, heartbeats, noticing a silent
 * server, and turning what the user does and what the server says into datagrams and {@link
 * Event}s.
 *
 * <p>Not thread-safe: one thread owns it, the {@link SessionAgent}'s, to which the receiver and the
 * input loop hand what they have. Each method takes the time as {@code nowMs}, so tests drive it
 * exactly. It sends through a {@link Transport} (the socket, {@code net.Connection}) and shows
 * through the {@link View}, neither of which blocks for long.
 *
 * <p>Joining: a join is sent at once and again after 1, 2, 4 and then every 5 seconds until the
 * server answers. The server first answers with a {@link Retry}, whose cookie proves in the next
 * join that this client receives at its address; that join goes at once, and every later one
 * carries the cookie too. Once joined, a ping goes out every heartbeat interval (the server's,
 * unless the user set one); three intervals of silence with pings unanswered mean the server is not
 * answering, which the user is told once, while pings go on. When the server says it does not know
 * the session (a retry: it expired us, or restarted), the client joins again under the same name
 * and asks for every room event after the last one it showed.
 *
 * <p>Delivery: the user's messages are numbered and sent again until the server acknowledges each
 * ({@link PendingMessages}); the room's events arrive numbered and are shown once each, in the
 * room's order ({@link Inbox}), the user's own messages among them.
 */
public final class Session {

  public enum State {
    /** A join is out; waiting for the welcome. */
    JOINING,
    /** In the room. */
    JOINED,
    /** The server refused the name; waiting for {@code /nick}. */
    NAME_REFUSED,
    /** Expired while heartbeats were off; waiting for {@code /hb on}. */
    EXPIRED,
    /** Left the room; nothing more is sent. */
    LEFT
  }

  private final Transport transport;

  /** What the user is told: every sentence is the {@link Narrator}'s. */
  private final Narrator say;

  private final Codec codec;
  private final Duration heartbeatOverride;
  private final String clientId;
  private SessionListener listener = SessionListener.NONE;

  private Phase phase = new Phase.Joining(new JoinAttempts());
  private String name;
  private String lastSession;
  private long heartbeatMs;
  private long timeoutMs;
  private long epoch;
  private boolean heartbeatsOn = true;
  private boolean everJoined;
  private long nextId = 1;

  /** The cookie of the server's last retry, sent in every join (null until one came). */
  private String cookie;

  private boolean whoOnceJoined;

  /**
   * The reason of the user's {@code /away} (empty for none given), or null when not away: a new
   * session starts present on the server, so a rejoin says it again.
   */
  private String awayReason;

  /** Events up to this number are the backlog shown on the first join, marked as history. */
  private long backlogHead = -1;

  private final Inbox inbox = new Inbox();
  private final PendingMessages pending = new PendingMessages();
  private HistoryRecall recall;

  /**
   * @param stamps the wall time of a time of the timers' clock, for the lines this client says
   *     itself (a room event shows the server's stamp)
   */
  public Session(
      Transport transport,
      View view,
      Codec codec,
      String name,
      Duration heartbeatOverride,
      WallStamps stamps) {
    this(transport, view, codec, name, heartbeatOverride, newClientId(), stamps);
  }

  /** With a given client id, for tests: one clock for timers and what is shown. */
  public Session(
      Transport transport,
      View view,
      Codec codec,
      String name,
      Duration heartbeatOverride,
      String clientId) {
    this(transport, view, codec, name, heartbeatOverride, clientId, WallStamps.UNCONVERTED);
  }

  private Session(
      Transport transport,
      View view,
      Codec codec,
      String name,
      Duration heartbeatOverride,
      String clientId,
      WallStamps stamps) {
    this.transport = transport;
    this.say = new Narrator(view, stamps);
    this.codec = codec;
    this.name = name;
    this.heartbeatOverride = heartbeatOverride;
    this.clientId = clientId;
  }

  /** 128 random bits, like a session token: the server tells this client's messages by it. */
  private static String newClientId() {
    byte[] bits = new byte[16];
    new SecureRandom().nextBytes(bits);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
  }

  /** Who watches this session (the member list, the status line); see {@link SessionListener}. */
  public void listen(SessionListener listener) {
    this.listener = listener;
  }

  public State state() {
    return phase.state();
  }

  /** The session token while in the room, else null. */
  private String token() {
    return phase instanceof Phase.Joined joined ? joined.token() : null;
  }

  /** Whether the user was told the server is not answering (only said while in the room). */
  private boolean serverSilent() {
    return phase instanceof Phase.Joined joined && joined.liveness().silent();
  }

  public String name() {
    return name;
  }

  /** Whether the session has been in the room (a join now is a rejoin). */
  boolean everJoined() {
    return everJoined;
  }

  /** How many of the user's messages the server has not acknowledged yet. */
  int unsettled() {
    return pending.size();
  }

  /** The last room event shown in order. */
  long lastShown() {
    return inbox.shown();
  }

  /** Room events that arrived twice and were shown once. */
  long duplicatesDropped() {
    return inbox.duplicates();
  }

  /** How many of the user's messages were sent again. */
  long retransmissions() {
    return pending.retransmissions();
  }

  /** Starts joining. */
  void start(long nowMs) {
    say.joining(nowMs, Addresses.format(transport.server()), name);
    beginJoin(nowMs);
  }

  // ---- What the user does ----

  public void say(String text, boolean action, long nowMs) {
    send(null, text, action, nowMs);
  }

  public void tell(String to, String text, long nowMs) {
    if (!Names.isWellFormed(to)) {
      say.noSuchMember(nowMs, to);
      return;
    }
    send(to, text, false, nowMs);
  }

  public void who(long nowMs) {
    if (phase instanceof Phase.Joined) {
      transport.send(new Who(token(), nextId++));
    } else if (!(phase instanceof Phase.Left)) {
      whoOnceJoined = true; // like a message typed before the welcome, asked once joined
    }
  }

  /** Asks for the last {@code count} room events; shown together once they have all come. */
  public void history(int count, long nowMs) {
    if (!(phase instanceof Phase.Joined)) {
      say.historyNotInRoom(nowMs);
      return;
    }
    recall = new HistoryRecall(nextId++, Math.min(count, History.MAX_COUNT), nowMs);
    transport.send(new History(token(), recall.id(), recall.count()));
  }

  public void nick(String newName, long nowMs) {
    Optional<String> problem = Names.problem(newName);
    if (problem.isPresent()) {
      say.nameUnusable(nowMs, problem.get());
      return;
    }
    if (phase instanceof Phase.Joined) {
      transport.send(new Nick(token(), nextId++, newName));
    } else if (!(phase instanceof Phase.Left)) {
      name = newName; // not in the room: join under the new name
      beginJoin(nowMs);
    }
  }

  public void heartbeats(boolean on, long nowMs) {
    heartbeatsOn = on;
    if (!on) {
      say.heartbeatsOff(nowMs, timeoutMs);
      return;
    }
    say.heartbeatsOn(nowMs);
    if (phase instanceof Phase.Expired) {
      beginJoin(nowMs);
    } else if (phase instanceof Phase.Joined joined) {
      joined.liveness().forgetUnansweredPings();
      ping(joined, nowMs);
    }
  }

  /** {@code /away REASON} or back; the server tells the room (see {@link Away}). */
  public void away(boolean away, String reason, long nowMs) {
    if (reason != null && codec.textBytes(reason) > Away.MAX_REASON_BYTES) {
      say.awayReasonTooLong(nowMs, Away.MAX_REASON_BYTES);
    } else if (phase instanceof Phase.Joined) {
      awayReason = away ? (reason == null ? "" : reason) : null;
      transport.send(new Away(token(), nextId++, away, reason));
    } else {
      say.awayNotInRoom(nowMs);
    }
  }

  /** Leaves the room: the server is told, and nothing more is sent. Whether it was ever in. */
  boolean leave() {
    if (phase instanceof Phase.Joined) {
      transport.send(new Leave(token()));
    }
    phase = new Phase.Left();
    return everJoined;
  }

  // ---- Timers ----

  /** Called often (every few tens of milliseconds): sends what is due at {@code nowMs}. */
  void onTick(long nowMs) {
    if (phase instanceof Phase.Joining joining && joining.attempts().due(nowMs)) {
      sendJoin(joining.attempts(), nowMs);
      joining.attempts().backOff(); // ServerReachability says why
    } else if (phase instanceof Phase.Joined joined
        && heartbeatsOn
        && joined.liveness().pingDue(nowMs, heartbeatMs)) {
      if (joined.liveness().becameSilent(nowMs, heartbeatMs)) {
        say.serverSilent(nowMs, joined.liveness().silentForMs(nowMs));
      }
      ping(joined, nowMs);
    }
    if (phase instanceof Phase.Joined) {
      if (inbox.ackDue(nowMs)) {
        transport.send(new Ack(token(), inbox.shown(), inbox.missingTo()));
      }
      transmitDue(nowMs);
      if (recall != null) {
        recallTick(nowMs);
      }
    }
    if (serverGone(nowMs)) {
      for (PendingMessages.Message failed : pending.giveUp(nowMs)) {
        say.givenUp(nowMs, failed.n(), shown(failed), PendingMessages.GIVE_UP_MS);
      }
    }
    listener.onTick(phase.state(), everJoined, serverSilent(), nowMs);
  }

  /**
   * Whether messages may be given up: not while the server answers (it posts every message in the
   * end), and not while it may still hold this session, which would wait for a given-up number
   * forever. Silent for twice its timeout, the server has expired us, and the next join tells it
   * where our numbers go on.
   */
  private boolean serverGone(long nowMs) {
    return !(phase instanceof Phase.Joined joined) || joined.liveness().gone(nowMs, timeoutMs);
  }

  // ---- What the server says ----

  void onMessage(ServerMessage message, long nowMs) {
    if (phase instanceof Phase.Left) {
      return;
    }
    if (!numbered(message)) {
      listener.onMessage(message, nowMs); // room events go to it once each, in order (show)
    }
    if (phase instanceof Phase.Joined joined && joined.liveness().heard(nowMs)) {
      say.serverAnswering(nowMs);
    }
    if (message instanceof Welcome welcome) {
      onWelcome(welcome, nowMs);
    } else if (message instanceof Pong) {
      return; // hearing from the server was the point
    } else if (message instanceof Posted posted) {
      PendingMessages.Message settled = pending.posted(posted.n(), nowMs);
      if (settled != null) {
        say.delivered(nowMs, settled.n(), shown(settled));
      }
      // The server takes messages in order: the earlier ones still waiting got there, and their
      // answers were lost. Asking again now answers them at once.
      pending.hurryBefore(posted.n(), nowMs);
      transmitDue(nowMs);
    } else if (message instanceof Members members) {
      say.members(nowMs, members);
    } else if (message instanceof ErrorReply error) {
      onError(error, nowMs);
    } else if (message instanceof Retry retry) {
      onRetry(retry, nowMs);
    } else {
      onRoomEvent(message, nowMs);
    }
  }

  /** A numbered event: in the stream, recalled by /history, or a notice outside the order. */
  private void onRoomEvent(ServerMessage message, long nowMs) {
    Long prev = null;
    Long ref = null;
    long seq = 0;
    int of = 0;
    if (message instanceof Chat chat) {
      seq = chat.seq();
      prev = chat.prev();
      ref = chat.ref();
      of = chat.ref() == null ? 0 : chat.of();
    } else if (message instanceof Private whisper) {
      seq = whisper.seq();
      prev = whisper.prev();
    } else if (message instanceof Lost lost) {
      seq = lost.seq();
      prev = lost.prev();
    } else if (message instanceof Notice notice) {
      if (!notice.numbered()) {
        onNotice(notice, false, nowMs);
        return;
      }
      seq = notice.seq();
      prev = notice.prev();
      ref = notice.ref();
      of = notice.ref() == null ? 0 : notice.of();
    }
    if (!(phase instanceof Phase.Joined)) {
      return; // before the welcome nothing says where the stream starts: it is sent again
    }
    if (prev != null) {
      for (Inbox.Arrival ready : inbox.offer(new Inbox.Arrival(seq, prev, message), nowMs)) {
        boolean old = ready.seq() <= backlogHead;
        if (!old) {
          listener.onMessage(ready.message(), nowMs); // the room as it is now, not as it was
        }
        show(ready.message(), old, nowMs);
      }
    } else if (ref != null && recall != null && ref == recall.id()) {
      if (recall.offer(seq, of, message)) {
        showRecall(nowMs);
      }
    }
  }

  /** A room event, numbered: it reaches the user through the {@link Inbox}, or /history. */
  private static boolean numbered(ServerMessage message) {
    return message instanceof Chat
        || message instanceof Private
        || message instanceof Lost
        || (message instanceof Notice notice && notice.numbered());
  }

  private void show(ServerMessage message, boolean old, long nowMs) {
    if (message instanceof Chat chat) {
      Instant time = stamped(chat.at()); // when the server took it: the same in every client
      Event event =
          chat.action()
              ? Event.action(time, chat.from(), chat.text(), isMe(chat.from()))
              : Event.message(time, chat.from(), chat.text(), isMe(chat.from()));
      say.show(old ? event.asOld() : event);
    } else if (message instanceof Private pm) {
      say.show(Event.privately(stamped(pm.at()), pm.from(), pm.to(), pm.text(), isMe(pm.from())));
    } else if (message instanceof Notice notice) {
      onNotice(notice, old, nowMs);
    } else if (message instanceof Lost lost) {
      say.missed(nowMs, lost.count());
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

  private void recallTick(long nowMs) {
    if (recall.retryDue(nowMs)) {
      transport.send(new History(token(), recall.id(), recall.count()));
    } else if (recall.givenUp(nowMs)) {
      if (recall.expected() < 0) {
        recall = null;
        say.historyUnanswered(nowMs);
      } else {
        showRecall(nowMs);
      }
    }
  }

  private void onWelcome(Welcome welcome, long nowMs) {
    if (!(phase instanceof Phase.Joining)) {
      return; // a duplicate of a welcome already taken
    }
    boolean restarted = everJoined && welcome.epoch() != epoch;
    // The same session again (a join crossed a late copy of an old notice): same stream, go on.
    boolean newSession = !welcome.session().equals(lastSession);
    if (newSession) {
      inbox.reset(welcome.start());
      backlogHead = everJoined ? -1 : welcome.head();
    }
    lastSession = welcome.session();
    epoch = welcome.epoch();
    name = welcome.name();
    timeoutMs = welcome.timeoutMs();
    heartbeatMs = heartbeatOverride != null ? heartbeatOverride.toMillis() : welcome.heartbeatMs();
    phase = new Phase.Joined(welcome.session(), new Liveness(nowMs));
    say.joined(
        nowMs,
        everJoined,
        Addresses.format(transport.server()),
        name,
        welcome.online(),
        heartbeatMs,
        timeoutMs);
    if (restarted) {
      say.serverRestarted(nowMs);
    }
    everJoined = true;
    pending.resendAll(nowMs);
    transmitDue(nowMs);
    if (whoOnceJoined) {
      whoOnceJoined = false;
      transport.send(new Who(token(), nextId++));
    }
    if (awayReason != null && newSession) {
      transport.send(new Away(token(), nextId++, true, awayReason.isEmpty() ? null : awayReason));
    }
  }

  private void onNotice(Notice notice, boolean old, long nowMs) {
    // History says what happened then, to whoever had the name then: never acted upon.
    boolean aboutMe = !old && isMe(notice.name());
    Instant time = notice.at() != null ? stamped(notice.at()) : at(nowMs);
    String text;
    switch (notice.event()) {
      case Notice.JOINED:
        // The welcome said we joined; a burst of joins names the others too.
        List<String> others =
            old ? notice.members() : notice.members().stream().filter(n -> !isMe(n)).toList();
        if (others.isEmpty()) {
          return;
        }
        text = Narrator.joinedText(others, notice);
        break;
      case Notice.LEFT:
        text = Narrator.leftText(notice);
        break;
      case Notice.EXPIRED:
        if (aboutMe && !notice.numbered()) {
          if (phase instanceof Phase.Joined) {
            onExpired(nowMs); // told to us alone: we are out of the room
          }
          return;
        }
        text = Narrator.expiredText(notice);
        break;
      case Notice.RENAMED:
        if (aboutMe) {
          name = notice.newName();
        }
        text = Narrator.renamedText(notice, aboutMe, notice.newName());
        break;
      case Notice.SHUTDOWN:
        text = Narrator.shutdownText();
        break;
      default:
        text = notice.event() + " " + notice.name();
    }
    Event event = Event.notice(time, text);
    say.show(old ? event.asOld() : event);
  }

  private void onExpired(long nowMs) {
    say.expired(nowMs, timeoutMs, heartbeatsOn, name);
    if (heartbeatsOn) {
      beginJoin(nowMs);
    } else {
      phase = new Phase.Expired();
    }
  }

  private void onError(ErrorReply error, long nowMs) {
    if (error.n() != null) {
      PendingMessages.Message refused = pending.settle(error.n());
      if (refused != null) {
        say.failed(nowMs, refused.n(), shown(refused), error.message());
      }
      return;
    }
    switch (error.code()) {
      case ErrorReply.ROOM_FULL:
        // A place frees up when someone leaves or expires: the join timer keeps trying.
        if (phase instanceof Phase.Joining joining && joining.attempts().firstRoomFull()) {
          say.roomFull(nowMs, error.message());
        }
        break;
      case ErrorReply.NAME_TAKEN:
      case ErrorReply.ALREADY_JOINED:
        // While rejoining (or after a lost welcome), what holds the name or the address is most
        // likely our own old session, left behind by an address change or a /nick: it expires
        // within the server's timeout, so keep trying and say so once. A first join whose name
        // is taken asks the user for another.
        boolean stale =
            phase instanceof Phase.Joining
                && (everJoined || error.code().equals(ErrorReply.ALREADY_JOINED));
        if (!stale) {
          nameRefused(error, nowMs);
        } else if (phase instanceof Phase.Joining joining && joining.attempts().firstOldSession()) {
          say.oldSessionInTheWay(nowMs, error.message());
        }
        break;
      case ErrorReply.NAME_INVALID:
        nameRefused(error, nowMs);
        break;
      default:
        say.serverError(nowMs, error.message());
    }
  }

  /**
   * The server does not know this address: it answers a join without a valid cookie so, and any
   * request once it has expired the session or restarted. The join goes (again) with the cookie,
   * which proves to the server that this client receives at its address.
   */
  private void onRetry(Retry retry, long nowMs) {
    boolean fresh = !retry.cookie().equals(cookie);
    cookie = retry.cookie();
    if (phase instanceof Phase.Joined) {
      say.sessionUnknown(nowMs, name);
      beginJoin(nowMs);
    } else if (phase instanceof Phase.Joining joining) {
      // At once, but once per attempt: forged retries cannot make this client send joins.
      if (fresh && joining.attempts().mayAnswerRetry()) {
        transport.send(join());
      }
      joining.attempts().serverAnswered();
    }
  }

  private void nameRefused(ErrorReply error, long nowMs) {
    say.nameRefused(nowMs, error.message(), phase instanceof Phase.Joining);
    if (phase instanceof Phase.Joining) {
      phase = new Phase.NameRefused();
    }
  }

  // ---- Sending ----

  private void send(String to, String text, boolean action, long nowMs) {
    if (phase instanceof Phase.Expired) {
      beginJoin(nowMs); // speaking is a sign of life: back into the room
    }
    int bytes = codec.textBytes(text);
    if (bytes > Limits.MAX_TEXT_BYTES) {
      say.tooLong(nowMs, bytes);
      return;
    }
    if (phase instanceof Phase.Left) {
      return;
    }
    if (pending.full()) {
      say.tooManyWaiting(nowMs, PendingMessages.CAPACITY);
      return;
    }
    PendingMessages.Message message = pending.add(to, text, action, nowMs);
    say.sending(nowMs, message.n(), shown(message));
    if (phase instanceof Phase.Joined) {
      transmitDue(nowMs);
    } else {
      say.notInTheRoomYet(nowMs);
    }
  }

  /** Sends the messages due now: new ones, and those the server has not acknowledged in time. */
  private void transmitDue(long nowMs) {
    for (PendingMessages.Message message : pending.due(nowMs)) {
      transport.send(
          message.to() == null
              ? new Say(token(), message.n(), message.text(), message.action())
              : new Tell(token(), message.n(), message.to(), message.text()));
    }
  }

  /** A message of the user's as it will be shown in the room. */
  private Event shown(PendingMessages.Message message) {
    Instant time = at(message.typedMs());
    if (message.to() != null) {
      return Event.privately(time, name, message.to(), message.text(), true);
    }
    return message.action()
        ? Event.action(time, name, message.text(), true)
        : Event.message(time, name, message.text(), true);
  }

  private void ping(Phase.Joined joined, long nowMs) {
    transport.send(new Ping(joined.token(), nextId++));
    joined.liveness().pinged(nowMs);
  }

  private void beginJoin(long nowMs) {
    // A join while joining (a new name) goes on with the same attempts: what was said stays said.
    JoinAttempts attempts =
        phase instanceof Phase.Joining joining ? joining.attempts() : new JoinAttempts();
    attempts.beginning();
    phase = new Phase.Joining(attempts);
    sendJoin(attempts, nowMs);
  }

  private void sendJoin(JoinAttempts attempts, long nowMs) {
    transport.send(join());
    attempts.sent(nowMs);
  }

  private Join join() {
    // A rejoin asks for everything after the last event shown, so nothing is missed.
    return new Join(
        name, clientId, pending.lowestUnsettled(), everJoined ? inbox.shown() : null, cookie);
  }

  private boolean isMe(String someone) {
    return someone != null && Names.key(someone).equals(Names.key(name));
  }

  /** When the server took an event ({@code at}): the same in every client. */
  private static Instant stamped(long epochMs) {
    return Instant.ofEpochMilli(epochMs);
  }

  /** The wall time of {@code nowMs}, a time of the timers' clock, for a line this client says. */
  private Instant at(long nowMs) {
    return say.at(nowMs);
  }
}
