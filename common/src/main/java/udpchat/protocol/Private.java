package udpchat.protocol;

/**
 * A private message, delivered to {@code to} and echoed to {@code from} as the confirmation that it
 * was delivered.
 */
public record Private(String from, String to, String text) implements ServerMessage {
  public Private {
    Fields.name("from", from);
    Fields.name("to", to);
    Fields.text("text", text);
  }
}
