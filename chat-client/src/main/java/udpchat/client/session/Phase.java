package udpchat.client.session;

import udpchat.client.session.timers.JoinAttempts;
import udpchat.client.session.timers.Liveness;

/**
 * Where the session stands, each phase holding only what it needs: the join attempts while joining,
 * the session token and the server's liveness while in the room, nothing once the server refused
 * the name, expired a session whose heartbeats were off, or the user left. What lasts across phases
 * (the name, the stream's place, the cookie) stays in the {@link Standing}, the only place the
 * phase changes.
 */
sealed interface Phase {

  /** The phase as listeners and snapshots name it. */
  Session.State state();

  /** A join is out, and sent again until the welcome comes. */
  record Joining(JoinAttempts attempts) implements Phase {
    @Override
    public Session.State state() {
      return Session.State.JOINING;
    }
  }

  /** In the room under {@code token}; {@code liveness}: whether the server answers. */
  record Joined(String token, Liveness liveness) implements Phase {
    @Override
    public Session.State state() {
      return Session.State.JOINED;
    }
  }

  /** The server refused the name; waiting for {@code /nick}. */
  record NameRefused() implements Phase {
    @Override
    public Session.State state() {
      return Session.State.NAME_REFUSED;
    }
  }

  /** Expired while heartbeats were off; waiting for {@code /hb on}. */
  record Expired() implements Phase {
    @Override
    public Session.State state() {
      return Session.State.EXPIRED;
    }
  }

  /** Left the room; nothing more is sent. */
  record Left() implements Phase {
    @Override
    public Session.State state() {
      return Session.State.LEFT;
    }
  }
}
