package udpchat.protocol;

/**
 * A message to the room; {@code action} marks a {@code /me} action. {@code n} is the client's
 * message number (1, 2, 3... for the life of the client, shared with {@link Tell}): the client
 * sends the same {@code n} again until a {@link Posted} or an {@link ErrorReply} with that {@code
 * n} answers, and the server posts each number once, in order.
 */
public record Say(String session, long n, String text, boolean action) implements SessionMessage {
  public Say {
    Fields.session(session);
    Fields.positive("n", n);
    Fields.text("text", text);
  }

  @Override
  public void dispatch(SessionMessage.Handler handler) {
    handler.onSay(this);
  }
}
