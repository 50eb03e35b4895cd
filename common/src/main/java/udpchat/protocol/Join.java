package udpchat.protocol;

/**
 * Asks to join the room under {@code name}; answered by {@link Welcome} or {@link ErrorReply}. The
 * name is checked by the room, not here, so a bad one is answered with {@code name-invalid}.
 *
 * @param client the client's own id, random and kept for the life of the client process: the server
 *     recognises a message the client sends again across sessions and restarts by it
 * @param next the lowest message number ({@link Say#n}) the client has not had acknowledged yet
 * @param since the last room event the client showed, when it was in the room before (a rejoin):
 *     the server then delivers everything after it; absent on a first join, which gets the backlog
 */
public record Join(String name, String client, long next, Long since) implements ClientMessage {
  public Join {
    Fields.text("name", name);
    Fields.token("client", client);
    Fields.positive("next", next);
    Fields.optionalNonNegative("since", since);
  }
}
