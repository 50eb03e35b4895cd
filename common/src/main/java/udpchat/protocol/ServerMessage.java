package udpchat.protocol;

/** What the server sends to a client. */
public sealed interface ServerMessage extends Message
    permits Welcome, Pong, RoomMessage, Members, ErrorReply, Posted, Lost, Presence, Retry, Batch {

  /** Calls the handler's method for this message's type. */
  void dispatch(Handler handler);

  /**
   * Something that acts on every type of server message, one method each: a new type added to the
   * protocol is a compile error in every handler until it is handled there (Java 17 has no
   * exhaustive pattern switch, so this visitor stands in for one).
   */
  interface Handler {
    void onWelcome(Welcome welcome);

    void onPong(Pong pong);

    void onChat(Chat chat);

    void onPrivate(Private whisper);

    void onNotice(Notice notice);

    void onMembers(Members members);

    void onErrorReply(ErrorReply error);

    void onPosted(Posted posted);

    void onLost(Lost lost);

    void onPresence(Presence presence);

    void onRetry(Retry retry);

    void onBatch(Batch batch);
  }
}
