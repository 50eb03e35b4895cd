package udpchat.protocol;

/**
 * Asks to join the room under {@code name}; answered by {@link Welcome} or {@link ErrorReply}. The
 * name is checked by the room, not here, so a bad one is answered with {@code name-invalid}.
 */
public record Join(String name) implements ClientMessage {
  public Join {
    Fields.text("name", name);
  }
}
