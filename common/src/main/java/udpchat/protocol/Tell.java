package udpchat.protocol;

/** A private message to the member named {@code to}. */
public record Tell(String session, long id, String to, String text) implements SessionMessage {
  public Tell {
    Fields.session(session);
    Fields.nonNegative("id", id);
    Fields.text("to", to); // a name nobody has is answered with no-such-member
    Fields.text("text", text);
  }
}
