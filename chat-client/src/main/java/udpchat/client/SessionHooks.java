package udpchat.client;

import java.util.function.LongConsumer;
import udpchat.client.session.Session;
import udpchat.client.session.SessionListener;
import udpchat.client.view.View;
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
 * What the wiring adds to the session, as listeners on its thread: the member list asked for on
 * each welcome, and the prompt following the session's name.
 */
final class SessionHooks {

  private SessionHooks() {}

  /**
   * Asks for the member list on every welcome, the first and each rejoin (after a server restart
   * the room may have changed while we were away). Called on the session's thread before the
   * session takes the welcome: {@code who} then only marks the list as wanted once joined, so this
   * call from inside the session sends nothing itself.
   */
  static SessionListener askForMembersOnWelcome(Session session) {
    return new SessionListener() {
      @Override
      public void onMessage(ServerMessage message, long nowMs) {
        message.dispatch(new WelcomeAsks(session, nowMs));
      }
    };
  }

  /** On a welcome the session is about to take, asks for the member list; nothing else does. */
  private static final class WelcomeAsks implements ServerMessage.Handler {
    private final Session session;
    private final long nowMs;

    WelcomeAsks(Session session, long nowMs) {
      this.session = session;
      this.nowMs = nowMs;
    }

    @Override
    public void onWelcome(Welcome welcome) {
      if (session.state() == Session.State.JOINING) {
        session.who(nowMs);
      }
    }

    @Override
    public void onPong(Pong pong) {}

    @Override
    public void onChat(Chat chat) {}

    @Override
    public void onPrivate(Private whisper) {}

    @Override
    public void onNotice(Notice notice) {}

    @Override
    public void onMembers(Members members) {}

    @Override
    public void onErrorReply(ErrorReply error) {}

    @Override
    public void onPosted(Posted posted) {}

    @Override
    public void onLost(Lost lost) {}

    @Override
    public void onPresence(Presence presence) {}

    @Override
    public void onRetry(Retry retry) {}

    @Override
    public void onBatch(Batch batch) {}
  }

  /**
   * Shows the new prompt when the name changed (a rename the server took, or a new name to join
   * under): the input thread is blocked reading with the old one. Checked on every tick, on the
   * session's thread, so the name read is the session's own.
   */
  static SessionListener promptFollowsName(Session session, View view) {
    return new SessionListener() {
      private String shown;

      @Override
      public void onTick(
          Session.State state, boolean everJoined, boolean serverSilent, long nowMs) {
        String name = session.name();
        if (shown != null && !shown.equals(name)) {
          view.prompt(name + "> "); // the session's own name: the snapshot is of the last cycle
        }
        shown = name;
      }
    };
  }

  /** Calls {@code timer} with the time of every tick, on the session's thread. */
  static SessionListener onTick(LongConsumer timer) {
    return new SessionListener() {
      @Override
      public void onTick(
          Session.State state, boolean everJoined, boolean serverSilent, long nowMs) {
        timer.accept(nowMs);
      }
    };
  }
}
