package udpchat.protocol;

/** What a client sends to the server: a {@link Join}, or a request inside the session it gave. */
public sealed interface ClientMessage extends Message permits Join, SessionMessage {}
