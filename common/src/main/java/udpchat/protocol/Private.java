package udpchat.protocol;

/**
 * A private message, a numbered room event delivered only to {@code to} and {@code from}: the
 * sender's copy is its place in the sender's stream. See {@link Chat} for {@code seq}, {@code prev}
 * and {@code at}; private messages are never recalled by {@link History}.
 */
public record Private(long seq, Long prev, long at, String from, String to, String text)
    implements RoomMessage {
  public Private {
    Fields.roomEvent(seq, prev, null, null);
    Fields.name("from", from);
    Fields.name("to", to);
    Fields.text("text", text);
  }

  @Override
  public Long number() {
    return seq;
  }

  @Override
  public Long postedAt() {
    return at;
  }

  @Override
  public Private inStream(long prev) {
    return new Private(seq, prev, at, from, to, text);
  }

  /** Never: a private message is not everyone's, and history shows only what everyone saw. */
  @Override
  public RoomMessage recalled(long ref, int of) {
    throw new IllegalStateException("a private message is never recalled");
  }

  @Override
  public void dispatch(ServerMessage.Handler handler) {
    handler.onPrivate(this);
  }
}
