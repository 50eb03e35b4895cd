package udpchat.client.session;

import udpchat.protocol.ClientMessage;
import udpchat.protocol.ServerMessage;

/**
 * Watches a {@link Session} without taking part in it: the member list, the status line and the
 * round-trip time are kept current from here. Every call is made on the session's thread ({@link
 * SessionAgent}), so a listener must be quick and must not block; it may call the session, and only
 * to ask for something later, as {@code ChatClient} asks for the member list on a welcome.
 */
public interface SessionListener {

  /** Listens to nothing. */
  SessionListener NONE = new SessionListener() {};

  /** Tells each of {@code listeners}, in this order. */
  static SessionListener all(SessionListener... listeners) {
    return new SessionListener() {
      @Override
      public void onSent(ClientMessage message, long nowMs) {
        for (SessionListener listener : listeners) {
          listener.onSent(message, nowMs);
        }
      }

      @Override
      public void onMessage(ServerMessage message, long nowMs) {
        for (SessionListener listener : listeners) {
          listener.onMessage(message, nowMs);
        }
      }

      @Override
      public void onTick(
          Session.State state, boolean everJoined, boolean serverSilent, long nowMs) {
        for (SessionListener listener : listeners) {
          listener.onTick(state, everJoined, serverSilent, nowMs);
        }
      }
    };
  }

  /** A message the session sent (seen by {@link Transport#watched}). */
  default void onSent(ClientMessage message, long nowMs) {}

  /** A message from the server, before the session acts on it. */
  default void onMessage(ServerMessage message, long nowMs) {}

  /**
   * The session's state after each timer tick (every few tens of milliseconds).
   *
   * @param everJoined whether the session has been in the room before (joining again is a
   *     reconnect)
   * @param serverSilent whether the user has been told that the server is not answering
   */
  default void onTick(Session.State state, boolean everJoined, boolean serverSilent, long nowMs) {}
}
