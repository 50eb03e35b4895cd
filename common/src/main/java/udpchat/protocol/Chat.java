package udpchat.protocol;

/**
 * A room message from the member {@code from}; {@code action} marks a {@code /me} action.
 *
 * <p>Every chat is a numbered room event: {@code seq} is its place in the room's order, {@code at}
 * the server's time (ms since the epoch) when it was posted. Delivered in a member's stream it
 * carries {@code prev}, the member's previous event; recalled by {@link History} it carries {@code
 * ref} and {@code of} instead.
 */
public record Chat(
    long seq, Long prev, long at, String from, String text, boolean action, Long ref, Integer of)
    implements RoomMessage {
  public Chat {
    Fields.roomEvent(seq, prev, ref, of);
    Fields.name("from", from);
    Fields.text("text", text);
  }

  /** The event as kept by the server: neither in a stream nor recalled yet. */
  public static Chat posted(long seq, long at, String from, String text, boolean action) {
    return new Chat(seq, null, at, from, text, action, null, null);
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
  public Chat inStream(long prev) {
    return new Chat(seq, prev, at, from, text, action, null, null);
  }

  @Override
  public Chat recalled(long ref, int of) {
    return new Chat(seq, null, at, from, text, action, ref, of);
  }

  @Override
  public void dispatch(ServerMessage.Handler handler) {
    handler.onChat(this);
  }
}
