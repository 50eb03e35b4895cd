package udpchat.protocol;

/** What a client sends to the server: a {@link Join}, or a request inside the session it gave. */
public sealed interface ClientMessage extends Message permits Join, SessionMessage {

  /** Calls the handler's method for this message's type. */
  void dispatch(Handler handler);

  /** Something that acts on every type of client message: a join, or any member request. */
  interface Handler extends SessionMessage.Handler {
    void onJoin(Join join);
  }
}
