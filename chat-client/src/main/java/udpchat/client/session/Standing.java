package udpchat.client.session;

import java.time.Duration;
import udpchat.client.session.timers.JoinAttempts;
import udpchat.client.session.timers.Liveness;
import udpchat.protocol.Welcome;
import udpchat.text.Names;

/**
 * Where the session stands, and the only place it moves from one {@link Phase} to the next: the
 * phase, the name it goes by, the server's timings, whether heartbeats are on, and the request ids.
 * Shared by the parts of the session ({@link Handshake}, {@link RoomEvents}, {@link Requests}), all
 * on the session's thread ({@link SessionAgent}).
 */
final class Standing {

  private final Duration heartbeatOverride;
  private SessionListener listener = SessionListener.NONE;
  private Phase phase = new Phase.Joining(new JoinAttempts());
  private String name;
  private long heartbeatMs;
  private long timeoutMs;
  private boolean heartbeatsOn = true;
  private boolean everJoined;
  private long nextId = 1;

  /**
   * Goes by {@code name}; {@code heartbeatOverride}: the user's interval, or null for the server's.
   */
  Standing(String name, Duration heartbeatOverride) {
    this.name = name;
    this.heartbeatOverride = heartbeatOverride;
  }

  /** Who watches the session (see {@link SessionListener}). */
  SessionListener listener() {
    return listener;
  }

  void listen(SessionListener listener) {
    this.listener = listener;
  }

  Phase phase() {
    return phase;
  }

  Session.State state() {
    return phase.state();
  }

  boolean inRoom() {
    return phase instanceof Phase.Joined;
  }

  boolean left() {
    return phase instanceof Phase.Left;
  }

  /** The session token while in the room, else null. */
  String token() {
    return phase instanceof Phase.Joined joined ? joined.token() : null;
  }

  /** Whether the user was told the server is not answering (only said while in the room). */
  boolean serverSilent() {
    return phase instanceof Phase.Joined joined && joined.liveness().silent();
  }

  String name() {
    return name;
  }

  /** The server renamed us, or the user picked a name to join under. */
  void rename(String newName) {
    name = newName;
  }

  boolean isMe(String someone) {
    return someone != null && Names.key(someone).equals(Names.key(name));
  }

  long heartbeatMs() {
    return heartbeatMs;
  }

  long timeoutMs() {
    return timeoutMs;
  }

  boolean heartbeatsOn() {
    return heartbeatsOn;
  }

  void heartbeats(boolean on) {
    heartbeatsOn = on;
  }

  /** Whether the session has been in the room (a join now is a rejoin). */
  boolean everJoined() {
    return everJoined;
  }

  /** A new request id. */
  long nextId() {
    return nextId++;
  }

  // ---- The phases ----

  /**
   * Joining (again): a join while joining (a new name) goes on with the same attempts, so what was
   * said stays said; the backoff starts again either way.
   */
  JoinAttempts joining() {
    JoinAttempts attempts =
        phase instanceof Phase.Joining joining ? joining.attempts() : new JoinAttempts();
    attempts.beginning();
    phase = new Phase.Joining(attempts);
    return attempts;
  }

  /** In the room as the welcome says, from {@code nowMs}; the name and timings are the server's. */
  void joined(Welcome welcome, long nowMs) {
    name = welcome.name();
    timeoutMs = welcome.timeoutMs();
    heartbeatMs = heartbeatOverride != null ? heartbeatOverride.toMillis() : welcome.heartbeatMs();
    phase = new Phase.Joined(welcome.session(), new Liveness(nowMs));
  }

  /** Once the user has been told of the (re)join: from now on a join is a rejoin. */
  void wasJoined() {
    everJoined = true;
  }

  /** The server refused the name while joining: wait for {@code /nick}. */
  void nameRefused() {
    if (phase instanceof Phase.Joining) {
      phase = new Phase.NameRefused();
    }
  }

  /** Expired with heartbeats off: wait for {@code /hb on}. */
  void expired() {
    phase = new Phase.Expired();
  }

  void leave() {
    phase = new Phase.Left();
  }
}
