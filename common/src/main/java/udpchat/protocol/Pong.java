package udpchat.protocol;

/** The answer to a {@link Ping}, with its id. */
public record Pong(long id) implements ServerMessage {
  public Pong {
    Fields.nonNegative("id", id);
  }

  @Override
  public void dispatch(ServerMessage.Handler handler) {
    handler.onPong(this);
  }
}
