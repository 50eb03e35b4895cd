package udpchat.protocol;

/**
 * Asks to join the room under {@code name}; answered by {@link Welcome} or {@link ErrorReply}, or,
 * from an address that is not a member yet, by a {@link Retry} when it carries no valid cookie. The
 * name is checked by the room, not here, so a bad one is answered with {@code name-invalid}.
 *
 * <p>The codec pads every join to {@link Limits#MIN_JOIN_BYTES} (a {@code pad} field that receivers
 * ignore), so that no answer to a join is ever larger than the join itself.
 *
 * @param client the client's own id, random and kept for the life of the client process: the server
 *     recognises a message the client sends again across sessions and restarts by it
 * @param next the lowest message number ({@link Say#n}) the client has not had acknowledged yet
 * @param since the last room event the client showed, when it was in the room before (a rejoin):
 *     the server then delivers everything after it; absent on a first join, which gets the backlog
 * @param cookie the cookie of the server's last {@link Retry}, which proves that the joiner
 *     receives at its source address; absent until the server gave one
 */
public record Join(String name, String client, long next, Long since, String cookie)
    implements ClientMessage {
  public Join {
    Fields.text("name", name);
    Fields.token("client", client);
    Fields.positive("next", next);
    Fields.optionalNonNegative("since", since);
    if (cookie != null) {
      Fields.token("cookie", cookie);
    }
  }

  /** A join without a cookie, as a client sends it first. */
  public Join(String name, String client, long next, Long since) {
    this(name, client, next, since, null);
  }

  /** The same join carrying {@code cookie} (null for none). */
  public Join withCookie(String cookie) {
    return new Join(name, client, next, since, cookie);
  }

  @Override
  public void dispatch(ClientMessage.Handler handler) {
    handler.onJoin(this);
  }
}
