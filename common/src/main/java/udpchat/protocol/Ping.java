package udpchat.protocol;

/** The heartbeat: keeps the member alive; answered by a {@link Pong} with the same id. */
public record Ping(String session, long id) implements SessionMessage {
  public Ping {
    Fields.session(session);
    Fields.nonNegative("id", id);
  }

  @Override
  public void dispatch(SessionMessage.Handler handler) {
    handler.onPing(this);
  }
}
