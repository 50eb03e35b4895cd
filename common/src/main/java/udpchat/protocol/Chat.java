package udpchat.protocol;

/** A room message from the member {@code from}; {@code action} marks a {@code /me} action. */
public record Chat(String from, String text, boolean action) implements ServerMessage {
  public Chat {
    Fields.name("from", from);
    Fields.text("text", text);
  }
}
