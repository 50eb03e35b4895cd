package udpchat.protocol;

/**
 * A private message, a numbered room event delivered only to {@code to} and {@code from}: the
 * sender's copy is its place in the sender's stream. See {@link Chat} for {@code seq}, {@code prev}
 * and {@code at}; private messages are never recalled by {@link History}.
 */
public record Private(long seq, Long prev, long at, String from, String to, String text)
    implements ServerMessage {
  public Private {
    Fields.roomEvent(seq, prev, null, null);
    Fields.name("from", from);
    Fields.name("to", to);
    Fields.text("text", text);
  }

  @Override
  public void dispatch(ServerMessage.Handler handler) {
    handler.onPrivate(this);
  }
}
