package udpchat.protocol;

/**
 * The server's acknowledgement of message {@code n} ({@link Say} or {@link Tell}): it is room event
 * {@code seq}, kept by the server and being delivered to every member in the room's order. {@code
 * seq} is 0 when the message was posted before and the server no longer knows its number.
 */
public record Posted(long n, long seq) implements ServerMessage {
  public Posted {
    Fields.positive("n", n);
    Fields.nonNegative("seq", seq);
  }

  @Override
  public void dispatch(ServerMessage.Handler handler) {
    handler.onPosted(this);
  }
}
