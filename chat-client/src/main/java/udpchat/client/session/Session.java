package udpchat.client.session;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import udpchat.client.view.Event;
import udpchat.client.view.View;
import udpchat.client.view.narrator.Narrator;
import udpchat.client.view.narrator.RoomNarrator;
import udpchat.net.Addresses;
import udpchat.protocol.Away;
import udpchat.protocol.Leave;
import udpchat.protocol.Ping;
import udpchat.protocol.Retry;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.json.Codec;
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
 * room's order ({@code Inbox}), the user's own messages among them.
 *
 * <p>This class is the session's face and its clock: it takes what the user does, what the server
 * says (through the {@link Dispatch}) and the timer ticks, and hands each to the part whose role it
 * is: the {@link Handshake} (joining), the {@link RoomEvents} (the room's stream and {@code
 * /history}), the {@link Requests} (the user's messages and requests), all standing on one {@link
 * Standing} (the phase and what lasts across phases).
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

  private final Standing standing;
  private final Handshake handshake;
  private final RoomEvents room;
  private final Requests requests;
  private final Dispatch dispatch;

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
    this.standing = new Standing(name, heartbeatOverride);
    this.requests = new Requests(standing, transport, say, codec, this::rejoin);
    this.room = new RoomEvents(standing, transport, new RoomNarrator(view, stamps), this::expired);
    this.handshake = new Handshake(standing, transport, say, clientId, room, requests);
    this.dispatch = new Dispatch(standing, say, handshake, room, requests);
  }

  /** 128 random bits, like a session token: the server tells this client's messages by it. */
  private static String newClientId() {
    byte[] bits = new byte[16];
    new SecureRandom().nextBytes(bits);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
  }

  /** Who watches this session (the member list, the status line); see {@link SessionListener}. */
  public void listen(SessionListener listener) {
    standing.listen(listener);
  }

  public State state() {
    return standing.state();
  }

  public String name() {
    return standing.name();
  }

  /** Whether the session has been in the room (a join now is a rejoin). */
  boolean everJoined() {
    return standing.everJoined();
  }

  /** How many of the user's messages the server has not acknowledged yet. */
  int unsettled() {
    return requests.unsettled();
  }

  /** The last room event shown in order. */
  long lastShown() {
    return room.shown();
  }

  /** Room events that arrived twice and were shown once. */
  long duplicatesDropped() {
    return room.duplicates();
  }

  /** How many of the user's messages were sent again. */
  long retransmissions() {
    return requests.retransmissions();
  }

  /** Starts joining. */
  void start(long nowMs) {
    say.joining(nowMs, Addresses.format(transport.server()), standing.name());
    handshake.begin(nowMs);
  }

  // ---- What the user does ----

  public void say(String text, boolean action, long nowMs) {
    requests.say(text, action, nowMs);
  }

  public void tell(String to, String text, long nowMs) {
    requests.tell(to, text, nowMs);
  }

  public void who(long nowMs) {
    requests.who();
  }

  /** Asks for the last {@code count} room events; shown together once they have all come. */
  public void history(int count, long nowMs) {
    room.history(count, nowMs);
  }

  public void nick(String newName, long nowMs) {
    requests.nick(newName, nowMs);
  }

  public void heartbeats(boolean on, long nowMs) {
    standing.heartbeats(on);
    if (!on) {
      say.heartbeatsOff(nowMs, standing.timeoutMs());
      return;
    }
    say.heartbeatsOn(nowMs);
    if (standing.phase() instanceof Phase.Expired) {
      rejoin(nowMs);
    } else if (standing.phase() instanceof Phase.Joined joined) {
      joined.liveness().forgetUnansweredPings();
      ping(joined, nowMs);
    }
  }

  /** {@code /away REASON} or back; the server tells the room (see {@link Away}). */
  public void away(boolean away, String reason, long nowMs) {
    requests.away(away, reason, nowMs);
  }

  /** Leaves the room: the server is told, and nothing more is sent. Whether it was ever in. */
  boolean leave() {
    if (standing.inRoom()) {
      transport.send(new Leave(standing.token()));
    }
    standing.leave();
    return standing.everJoined();
  }

  // ---- Timers ----

  /** Called often (every few tens of milliseconds): sends what is due at {@code nowMs}. */
  void onTick(long nowMs) {
    if (standing.phase() instanceof Phase.Joining joining) {
      handshake.onTick(joining.attempts(), nowMs);
    } else if (standing.phase() instanceof Phase.Joined joined
        && standing.heartbeatsOn()
        && joined.liveness().pingDue(nowMs, standing.heartbeatMs())) {
      if (joined.liveness().becameSilent(nowMs, standing.heartbeatMs())) {
        say.serverSilent(nowMs, joined.liveness().silentForMs(nowMs));
      }
      ping(joined, nowMs);
    }
    if (standing.inRoom()) {
      room.ackIfDue(nowMs);
      requests.transmitDue(nowMs);
      room.recallTick(nowMs);
    }
    if (serverGone(nowMs)) {
      requests.giveUp(nowMs);
    }
    say.onTick(nowMs); // the count of a repeated error, once quiet
    standing
        .listener()
        .onTick(standing.state(), standing.everJoined(), standing.serverSilent(), nowMs);
  }

  /**
   * Whether messages may be given up: not while the server answers (it posts every message in the
   * end), and not while it may still hold this session, which would wait for a given-up number
   * forever. Silent for twice its timeout, the server has expired us, and the next join tells it
   * where our numbers go on.
   */
  private boolean serverGone(long nowMs) {
    return !(standing.phase() instanceof Phase.Joined joined)
        || joined.liveness().gone(nowMs, standing.timeoutMs());
  }

  private void ping(Phase.Joined joined, long nowMs) {
    transport.send(new Ping(joined.token(), standing.nextId()));
    joined.liveness().pinged(nowMs);
  }

  private void rejoin(long nowMs) {
    handshake.begin(nowMs);
  }

  private void expired(long nowMs) {
    handshake.onExpired(nowMs);
  }

  // ---- What the server says ----

  void onMessage(ServerMessage message, long nowMs) {
    if (!standing.left()) {
      dispatch.onMessage(message, nowMs);
    }
  }
}
