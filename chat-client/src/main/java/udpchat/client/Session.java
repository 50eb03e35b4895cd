package udpchat.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import udpchat.client.view.Event;
import udpchat.client.view.View;
import udpchat.protocol.Addresses;
import udpchat.protocol.Away;
import udpchat.protocol.Chat;
import udpchat.protocol.Codec;
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
import udpchat.protocol.Say;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Tell;
import udpchat.protocol.Welcome;
import udpchat.protocol.Who;
import udpchat.time.Durations;

/**
 * The client's side of the conversation: joining and rejoining, heartbeats, noticing a silent
 * server, and turning what the user does and what the server says into datagrams and {@link
 * Event}s.
 *
 * <p>Three threads call in (input, receive, heartbeat), so every method is synchronized; each takes
 * the time as {@code nowMs}, so tests drive it exactly. It sends through a {@link Transport} (the
 * {@link Connection}) and shows through the {@link View}, neither of which blocks for long.
 *
 * <p>Joining: a join is sent at once and again after 1, 2, 4 and then every 5 seconds until the
 * server answers. Once joined, a ping goes out every heartbeat interval (the server's, unless the
 * user set one); three intervals of silence with pings unanswered mean the server is not answering,
 * which the user is told once, while pings go on. When the server says it does not know the session
 * (it expired us, or restarted), the client joins again under the same name, and what the user sent
 * meanwhile is sent after the welcome.
 */
final class Session {

  enum State {
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

  static final long FIRST_JOIN_RETRY_MS = 1000;
  static final long MAX_JOIN_RETRY_MS = 5000;

  /** The server is called silent after this many heartbeat intervals without a datagram... */
  static final int SILENT_INTERVALS = 3;

  /**
   * ...and this many pings unanswered: after a freeze (Ctrl-Z), the time since the last datagram is
   * long but no ping went unanswered, and the server has not gone anywhere.
   */
  static final int SILENT_UNANSWERED_PINGS = 2;

  /** Messages typed while not in the room are kept (up to this many) and sent once joined. */
  static final int MAX_QUEUED = 100;

  /** Sent messages remembered by id, to resend one that the server refused for a lost session. */
  static final int RECENT_SENT = 64;

  private final Transport transport;
  private final View view;
  private final Codec codec;
  private final Duration heartbeatOverride;
  private SessionListener listener = SessionListener.NONE;

  private State state = State.JOINING;
  private String name;
  private String session;
  private long heartbeatMs;
  private long timeoutMs;
  private boolean heartbeatsOn = true;
  private boolean everJoined;
  private long nextId = 1;

  private long joinSentMs;
  private long joinRetryMs;
  private int joinAttempts;
  private long pingSentMs;
  private long lastHeardMs;
  private int unansweredPings;
  private boolean silenceReported;

  private boolean staleSessionReported;
  private boolean whoOnceJoined;

  private final Deque<Outgoing> queued = new ArrayDeque<>();

  /** Sent messages the server refused for an unknown session, by id: resent in their order. */
  private final SortedMap<Long, Outgoing> refused = new TreeMap<>();

  private final Map<Long, Outgoing> recent =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Outgoing> eldest) {
          return size() > RECENT_SENT;
        }
      };

  /**
   * A message of the user's: a room message, an action, or a private one when {@code to} is set.
   */
  private record Outgoing(String to, String text, boolean action) {}

  Session(Transport transport, View view, Codec codec, String name, Duration heartbeatOverride) {
    this.transport = transport;
    this.view = view;
    this.codec = codec;
    this.name = name;
    this.heartbeatOverride = heartbeatOverride;
  }

  /** Who watches this session (the member list, the status line); see {@link SessionListener}. */
  synchronized void listen(SessionListener listener) {
    this.listener = listener;
  }

  synchronized State state() {
    return state;
  }

  synchronized String name() {
    return name;
  }

  /** Starts joining. */
  synchronized void start(long nowMs) {
    view.show(
        Event.notice(at(nowMs), "joining " + Addresses.format(transport.server()) + " as " + name));
    beginJoin(nowMs);
  }

  // ---- What the user does ----

  synchronized void say(String text, boolean action, long nowMs) {
    send(new Outgoing(null, text, action), nowMs);
  }

  synchronized void tell(String to, String text, long nowMs) {
    if (!Names.isValid(to)) {
      view.show(Event.error(at(nowMs), "there can be no member named " + to));
      return;
    }
    send(new Outgoing(to, text, false), nowMs);
  }

  synchronized void who(long nowMs) {
    if (state == State.JOINED) {
      transport.send(new Who(session, nextId++));
    } else if (state != State.LEFT) {
      whoOnceJoined = true; // like a message typed before the welcome, asked once joined
    }
  }

  synchronized void nick(String newName, long nowMs) {
    Optional<String> problem = Names.problem(newName);
    if (problem.isPresent()) {
      view.show(Event.error(at(nowMs), "cannot use that name: " + problem.get()));
      return;
    }
    if (state == State.JOINED) {
      transport.send(new Nick(session, nextId++, newName));
    } else if (state != State.LEFT) {
      name = newName; // not in the room: join under the new name
      beginJoin(nowMs);
    }
  }

  synchronized void heartbeats(boolean on, long nowMs) {
    heartbeatsOn = on;
    if (!on) {
      String after =
          timeoutMs == 0 ? "its timeout" : Durations.format(Duration.ofMillis(timeoutMs));
      view.show(
          Event.notice(
              at(nowMs),
              "heartbeats off: the server will expire you after "
                  + after
                  + " of silence (/hb on to resume)"));
      return;
    }
    view.show(Event.notice(at(nowMs), "heartbeats on"));
    unansweredPings = 0;
    if (state == State.EXPIRED) {
      beginJoin(nowMs);
    } else if (state == State.JOINED) {
      ping(nowMs);
    }
  }

  /** {@code /away REASON} or back; the server tells the room (see {@link Away}). */
  synchronized void away(boolean away, String reason, long nowMs) {
    if (reason != null && codec.textBytes(reason) > Away.MAX_REASON_BYTES) {
      view.show(Event.error(at(nowMs), "reason too long: the limit is " + Away.MAX_REASON_BYTES));
    } else if (state == State.JOINED) {
      transport.send(new Away(session, nextId++, away, reason));
    } else {
      view.show(Event.error(at(nowMs), "not in the room: /away once joined"));
    }
  }

  /** Leaves the room: the server is told, and nothing more is sent. */
  synchronized void leave() {
    if (state == State.JOINED) {
      transport.send(new Leave(session));
    }
    state = State.LEFT;
  }

  // ---- Timers ----

  /** Called often (every few tens of milliseconds): sends what is due at {@code nowMs}. */
  synchronized void onTick(long nowMs) {
    if (state == State.JOINING && nowMs - joinSentMs >= joinRetryMs) {
      sendJoin(nowMs);
      joinRetryMs = Math.min(joinRetryMs * 2, MAX_JOIN_RETRY_MS);
      if (joinAttempts == 3) {
        view.show(
            Event.notice(
                at(nowMs),
                "no answer from "
                    + Addresses.format(transport.server())
                    + " yet; still trying (quit or Ctrl-D to give up)"));
      }
    } else if (state == State.JOINED && heartbeatsOn && nowMs - pingSentMs >= heartbeatMs) {
      if (unansweredPings >= SILENT_UNANSWERED_PINGS
          && nowMs - lastHeardMs >= SILENT_INTERVALS * heartbeatMs
          && !silenceReported) {
        silenceReported = true;
        view.show(
            Event.notice(
                at(nowMs),
                "no reply from the server for "
                    + Durations.format(Duration.ofMillis((nowMs - lastHeardMs) / 1000 * 1000))
                    + "; still trying"));
      }
      ping(nowMs);
    }
    listener.onTick(state, everJoined, silenceReported, nowMs);
  }

  // ---- What the server says ----

  synchronized void onMessage(ServerMessage message, long nowMs) {
    if (state == State.LEFT) {
      return;
    }
    listener.onMessage(message, nowMs);
    lastHeardMs = nowMs;
    unansweredPings = 0;
    if (silenceReported) {
      silenceReported = false;
      view.show(Event.notice(at(nowMs), "the server is answering again"));
    }
    if (message instanceof Welcome welcome) {
      onWelcome(welcome, nowMs);
    } else if (message instanceof Pong) {
      return; // hearing from the server was the point
    } else if (message instanceof Chat chat) {
      view.show(
          chat.action()
              ? Event.action(at(nowMs), chat.from(), chat.text(), false)
              : Event.message(at(nowMs), chat.from(), chat.text(), false));
    } else if (message instanceof Private whisper) {
      boolean own = Names.key(whisper.from()).equals(Names.key(name));
      view.show(Event.privately(at(nowMs), whisper.from(), whisper.to(), whisper.text(), own));
    } else if (message instanceof Members members) {
      view.show(
          Event.notice(
              at(nowMs),
              "members (" + members.total() + "): " + String.join(", ", members.names())));
    } else if (message instanceof Notice notice) {
      onNotice(notice, nowMs);
    } else if (message instanceof ErrorReply error) {
      onError(error, nowMs);
    }
  }

  private void onWelcome(Welcome welcome, long nowMs) {
    if (state != State.JOINING) {
      return; // a duplicate of a welcome already taken
    }
    session = welcome.session();
    name = welcome.name();
    timeoutMs = welcome.timeoutMs();
    heartbeatMs = heartbeatOverride != null ? heartbeatOverride.toMillis() : welcome.heartbeatMs();
    state = State.JOINED;
    pingSentMs = nowMs; // the join was as good as a heartbeat
    view.show(
        Event.notice(
            at(nowMs),
            (everJoined
                    ? "rejoined as "
                    : "joined " + Addresses.format(transport.server()) + " as ")
                + name
                + " ("
                + welcome.online()
                + " online; heartbeat "
                + Durations.format(Duration.ofMillis(heartbeatMs))
                + ", timeout "
                + Durations.format(Duration.ofMillis(timeoutMs))
                + ")"));
    everJoined = true;
    staleSessionReported = false;
    refused.values().forEach(this::transmit);
    refused.clear();
    while (!queued.isEmpty()) {
      transmit(queued.poll());
    }
    if (whoOnceJoined) {
      whoOnceJoined = false;
      transport.send(new Who(session, nextId++));
    }
  }

  private void onNotice(Notice notice, long nowMs) {
    boolean aboutMe = notice.name() != null && Names.key(notice.name()).equals(Names.key(name));
    switch (notice.event()) {
      case Notice.JOINED:
        view.show(Event.notice(at(nowMs), notice.name() + " joined" + online(notice)));
        break;
      case Notice.LEFT:
        view.show(Event.notice(at(nowMs), notice.name() + " left" + online(notice)));
        break;
      case Notice.EXPIRED:
        if (aboutMe && state == State.JOINED) {
          onExpired(nowMs);
        } else if (!aboutMe) {
          view.show(
              Event.notice(at(nowMs), notice.name() + " expired (went silent)" + online(notice)));
        }
        break;
      case Notice.RENAMED:
        if (aboutMe) {
          name = notice.newName();
          view.show(Event.notice(at(nowMs), "you are now known as " + name));
        } else {
          view.show(
              Event.notice(at(nowMs), notice.name() + " is now known as " + notice.newName()));
        }
        break;
      case Notice.SHUTDOWN:
        view.show(
            Event.notice(at(nowMs), "the server is shutting down; will rejoin when it is back"));
        break;
      default:
        view.show(Event.notice(at(nowMs), notice.event() + " " + notice.name()));
    }
  }

  private void onExpired(long nowMs) {
    session = null;
    String silence = Durations.format(Duration.ofMillis(timeoutMs));
    if (heartbeatsOn) {
      view.show(
          Event.notice(
              at(nowMs),
              "the server expired you (silent for over " + silence + "); rejoining as " + name));
      beginJoin(nowMs);
    } else {
      state = State.EXPIRED;
      view.show(
          Event.notice(
              at(nowMs),
              "the server expired you (silent for over " + silence + "); /hb on to rejoin"));
    }
  }

  private void onError(ErrorReply error, long nowMs) {
    Outgoing answered = error.ref() == 0 ? null : recent.remove(error.ref());
    switch (error.code()) {
      case ErrorReply.UNKNOWN_SESSION:
        if (answered != null) {
          refused.put(error.ref(), answered); // sent again after the welcome
        }
        if (state == State.JOINED) {
          session = null;
          view.show(
              Event.notice(
                  at(nowMs),
                  "the server does not know this session (it expired us, or restarted);"
                      + " rejoining as "
                      + name));
          beginJoin(nowMs);
        }
        break;
      case ErrorReply.NAME_TAKEN:
      case ErrorReply.ALREADY_JOINED:
        // While rejoining (or after a lost welcome), what holds the name or the address is most
        // likely our own old session, left behind by an address change or a /nick: it expires
        // within the server's timeout, so keep trying and say so once. A first join whose name
        // is taken asks the user for another.
        boolean stale =
            state == State.JOINING
                && (everJoined || error.code().equals(ErrorReply.ALREADY_JOINED));
        if (!stale) {
          nameRefused(error, nowMs);
        } else if (!staleSessionReported) {
          staleSessionReported = true;
          view.show(
              Event.notice(
                  at(nowMs), error.message() + "; retrying until the old session expires"));
        }
        break;
      case ErrorReply.NAME_INVALID:
        nameRefused(error, nowMs);
        break;
      default:
        String about = answered == null ? "" : " (your message: " + preview(answered.text()) + ")";
        view.show(Event.error(at(nowMs), error.message() + about));
    }
  }

  private void nameRefused(ErrorReply error, long nowMs) {
    if (state == State.JOINING) {
      state = State.NAME_REFUSED;
      view.show(Event.error(at(nowMs), error.message() + " (/nick NAME to pick another)"));
    } else {
      view.show(Event.error(at(nowMs), error.message()));
    }
  }

  // ---- Sending ----

  private void send(Outgoing outgoing, long nowMs) {
    if (state == State.EXPIRED) {
      beginJoin(nowMs); // speaking is a sign of life: back into the room
    }
    int bytes = codec.textBytes(outgoing.text());
    if (bytes > Limits.MAX_TEXT_BYTES) {
      view.show(
          Event.error(
              at(nowMs),
              "message too long: "
                  + bytes
                  + " bytes, the limit is "
                  + Limits.MAX_TEXT_BYTES
                  + " (about as many letters of plain text); nothing was sent"));
      return;
    }
    if (state == State.LEFT) {
      return;
    }
    if (outgoing.to() != null) {
      // Shown when the server confirms, as a private message.
    } else if (outgoing.action()) {
      view.show(Event.action(at(nowMs), name, outgoing.text(), true));
    } else {
      view.show(Event.message(at(nowMs), name, outgoing.text(), true));
    }
    if (state == State.JOINED) {
      transmit(outgoing);
    } else if (queued.size() < MAX_QUEUED) {
      queued.add(outgoing);
      view.show(Event.notice(at(nowMs), "not in the room yet: sending once joined"));
    } else {
      view.show(
          Event.error(
              at(nowMs),
              "not in the room, and "
                  + MAX_QUEUED
                  + " messages are already waiting: this one was not sent"));
    }
  }

  private void transmit(Outgoing outgoing) {
    long id = nextId++;
    recent.put(id, outgoing);
    transport.send(
        outgoing.to() == null
            ? new Say(session, id, outgoing.text(), outgoing.action())
            : new Tell(session, id, outgoing.to(), outgoing.text()));
  }

  private void ping(long nowMs) {
    transport.send(new Ping(session, nextId++));
    pingSentMs = nowMs;
    unansweredPings++;
  }

  private void beginJoin(long nowMs) {
    state = State.JOINING;
    session = null;
    joinAttempts = 0;
    joinRetryMs = FIRST_JOIN_RETRY_MS;
    sendJoin(nowMs);
  }

  private void sendJoin(long nowMs) {
    transport.send(new Join(name));
    joinSentMs = nowMs;
    joinAttempts++;
  }

  private static Instant at(long nowMs) {
    return Instant.ofEpochMilli(nowMs);
  }

  private static String online(Notice notice) {
    return " (" + notice.online() + " online)";
  }

  private static String preview(String text) {
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
