package udpchat.protocol;

/** A private message to the member named {@code to}; numbered like {@link Say}. */
public record Tell(String session, long n, String to, String text) implements SessionMessage {
  public Tell {
    Fields.session(session);
    Fields.positive("n", n);
    Fields.text("to", to); // a name nobody has is answered with no-such-member
    Fields.text("text", text);
  }

  @Override
  public void dispatch(SessionMessage.Handler handler) {
    handler.onTell(this);
  }
}
