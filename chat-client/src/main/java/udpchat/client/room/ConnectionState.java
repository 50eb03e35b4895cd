package udpchat.client.room;

import udpchat.client.session.Session;

/** The connection as the status line names it, from the {@link Session}'s state. */
public enum ConnectionState {
  CONNECTING("connecting"),
  CONNECTED("connected"),
  /** In the room, but the server has not answered for a while (see the session's silence rule). */
  NO_REPLY("no reply"),
  RECONNECTING("reconnecting"),
  NAME_REFUSED("name refused: /nick NAME"),
  EXPIRED("expired: /hb on"),
  LEFT("left");

  final String label;

  ConnectionState(String label) {
    this.label = label;
  }

  static ConnectionState of(Session.State state, boolean everJoined, boolean serverSilent) {
    switch (state) {
      case JOINING:
        return everJoined ? RECONNECTING : CONNECTING;
      case JOINED:
        return serverSilent ? NO_REPLY : CONNECTED;
      case NAME_REFUSED:
        return NAME_REFUSED;
      case EXPIRED:
        return EXPIRED;
      default:
        return LEFT;
    }
  }
}
