package udpchat.protocol;

/** A message to the room; {@code action} marks a {@code /me} action. */
public record Say(String session, long id, String text, boolean action) implements SessionMessage {
  public Say {
    Fields.session(session);
    Fields.nonNegative("id", id);
    Fields.text("text", text);
  }
}
