package udpchat.protocol;

/**
 * A request from a member: it carries the session token from its {@link Welcome}, and an id the
 * server echoes in its answer ({@link Pong}, {@link ErrorReply#ref()}) so the client can match
 * them.
 */
public sealed interface SessionMessage extends ClientMessage
    permits Ping, Say, Tell, Who, Nick, Leave, Ack, History, Away {

  String session();

  /** The request's id, chosen by the client; 0 for requests that are never answered. */
  default long id() {
    return 0;
  }

  /** Calls the handler's method for this request's type. */
  void dispatch(Handler handler);

  @Override
  default void dispatch(ClientMessage.Handler handler) {
    dispatch((Handler) handler);
  }

  /**
   * Something that acts on every type of member request, one method each; a new type is a compile
   * error in every handler until it is handled there.
   */
  interface Handler {
    void onPing(Ping ping);

    void onSay(Say say);

    void onTell(Tell tell);

    void onWho(Who who);

    void onNick(Nick nick);

    void onLeave(Leave leave);

    void onAck(Ack ack);

    void onHistory(History history);

    void onAway(Away away);
  }
}
