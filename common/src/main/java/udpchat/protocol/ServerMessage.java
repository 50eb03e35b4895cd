package udpchat.protocol;

/** What the server sends to a client. */
public sealed interface ServerMessage extends Message
    permits Welcome,
        Pong,
        Chat,
        Private,
        Notice,
        Members,
        ErrorReply,
        Posted,
        Lost,
        Presence,
        Retry,
        Batch {}
