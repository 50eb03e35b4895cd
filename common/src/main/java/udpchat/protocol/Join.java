package udpchat.protocol;

/** Asks to join the room under {@code name}; answered by {@link Welcome} or {@link ErrorReply}. */
public record Join(String name) implements ClientMessage {
  public Join {
    Fields.name("name", name);
  }
}
