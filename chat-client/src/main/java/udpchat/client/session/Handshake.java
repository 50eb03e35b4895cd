package udpchat.client.session;

import udpchat.client.session.timers.JoinAttempts;
import udpchat.client.view.narrator.Narrator;
import udpchat.net.Addresses;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Join;
import udpchat.protocol.Retry;
import udpchat.protocol.Welcome;

/**
 * Joining the room, and joining it again: the join and its backoff ({@link JoinAttempts}), the
 * server's cookie ({@link Retry}), the welcome, and what the server refuses on the way (a full
 * room, a name taken or invalid, our own old session still in the way). On the session's thread
 * ({@link SessionAgent}).
 */
final class Handshake {

  private final Standing standing;
  private final Transport transport;
  private final Narrator say;
  private final String clientId;
  private final RoomEvents room;
  private final Requests requests;

  /** The cookie of the server's last retry, sent in every join (null until one came). */
  private String cookie;

  private String lastSession;
  private long epoch;

  Handshake(
      Standing standing,
      Transport transport,
      Narrator say,
      String clientId,
      RoomEvents room,
      Requests requests) {
    this.standing = standing;
    this.transport = transport;
    this.say = say;
    this.clientId = clientId;
    this.room = room;
    this.requests = requests;
  }

  /** Joins (again) now. */
  void begin(long nowMs) {
    sendJoin(standing.joining(), nowMs);
  }

  /** While joining: the join again, when its backoff says so. */
  void onTick(JoinAttempts attempts, long nowMs) {
    if (attempts.due(nowMs)) {
      sendJoin(attempts, nowMs);
      attempts.backOff(); // ServerReachability says why
    }
  }

  void onWelcome(Welcome welcome, long nowMs) {
    if (!(standing.phase() instanceof Phase.Joining)) {
      return; // a duplicate of a welcome already taken
    }
    boolean rejoined = standing.everJoined();
    boolean restarted = rejoined && welcome.epoch() != epoch;
    // The same session again (a join crossed a late copy of an old notice): same stream, go on.
    boolean newSession = !welcome.session().equals(lastSession);
    if (newSession) {
      room.newSession(welcome);
    }
    lastSession = welcome.session();
    epoch = welcome.epoch();
    standing.joined(welcome, nowMs);
    say.joined(
        nowMs,
        rejoined,
        Addresses.format(transport.server()),
        standing.name(),
        welcome.online(),
        standing.heartbeatMs(),
        standing.timeoutMs());
    if (restarted) {
      say.serverRestarted(nowMs);
    }
    standing.wasJoined();
    requests.onJoined(newSession, nowMs);
  }

  /**
   * The server does not know this address: it answers a join without a valid cookie so, and any
   * request once it has expired the session or restarted. The join goes (again) with the cookie,
   * which proves to the server that this client receives at its address.
   */
  void onRetry(Retry retry, long nowMs) {
    boolean fresh = !retry.cookie().equals(cookie);
    cookie = retry.cookie();
    if (standing.phase() instanceof Phase.Joined) {
      say.sessionUnknown(nowMs, standing.name());
      begin(nowMs);
    } else if (standing.phase() instanceof Phase.Joining joining) {
      // At once, but once per attempt: forged retries cannot make this client send joins.
      if (fresh && joining.attempts().mayAnswerRetry()) {
        transport.send(join());
      }
      joining.attempts().serverAnswered();
    }
  }

  /** An error about no message of the user's: most are about the join. */
  void onError(ErrorReply error, long nowMs) {
    switch (error.code()) {
      case ErrorReply.ROOM_FULL:
        // A place frees up when someone leaves or expires: the join timer keeps trying.
        if (standing.phase() instanceof Phase.Joining joining
            && joining.attempts().firstRoomFull()) {
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
            standing.phase() instanceof Phase.Joining
                && (standing.everJoined() || error.code().equals(ErrorReply.ALREADY_JOINED));
        if (!stale) {
          nameRefused(error, nowMs);
        } else if (standing.phase() instanceof Phase.Joining joining
            && joining.attempts().firstOldSession()) {
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

  /** The server expired us: rejoin, or wait for {@code /hb on} when heartbeats are off. */
  void onExpired(long nowMs) {
    say.expired(nowMs, standing.timeoutMs(), standing.heartbeatsOn(), standing.name());
    if (standing.heartbeatsOn()) {
      begin(nowMs);
    } else {
      standing.expired();
    }
  }

  private void nameRefused(ErrorReply error, long nowMs) {
    say.nameRefused(nowMs, error.message(), standing.phase() instanceof Phase.Joining);
    standing.nameRefused();
  }

  private void sendJoin(JoinAttempts attempts, long nowMs) {
    transport.send(join());
    attempts.sent(nowMs);
  }

  private Join join() {
    // A rejoin asks for everything after the last event shown, so nothing is missed.
    return new Join(
        standing.name(),
        clientId,
        requests.lowestUnsettled(),
        standing.everJoined() ? room.shown() : null,
        cookie);
  }
}
