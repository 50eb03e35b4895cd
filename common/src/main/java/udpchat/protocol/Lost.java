package udpchat.protocol;

/**
 * In a member's stream, in place of the events after {@code prev} up to {@code seq} that the server
 * no longer keeps: the member fell further behind than the server's history. {@code count} is how
 * many room events that was.
 */
public record Lost(long prev, long seq, long count) implements ServerMessage {
  public Lost {
    Fields.nonNegative("prev", prev);
    if (seq <= prev) {
      throw new IllegalArgumentException("seq must be above prev");
    }
    Fields.nonNegative("count", count);
  }

  @Override
  public void dispatch(ServerMessage.Handler handler) {
    handler.onLost(this);
  }
}
