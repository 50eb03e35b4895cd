package udpchat.protocol;

/** Leaves the room at once; not answered. */
public record Leave(String session) implements SessionMessage {
  public Leave {
    Fields.session(session);
  }

  @Override
  public void dispatch(SessionMessage.Handler handler) {
    handler.onLeave(this);
  }
}
