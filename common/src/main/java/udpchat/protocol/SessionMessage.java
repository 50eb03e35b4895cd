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
}
