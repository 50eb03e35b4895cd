package udpchat.protocol;

/** Asks for the member list; answered by one or more {@link Members}. */
public record Who(String session, long id) implements SessionMessage {
  public Who {
    Fields.session(session);
    Fields.nonNegative("id", id);
  }

  @Override
  public void dispatch(SessionMessage.Handler handler) {
    handler.onWho(this);
  }
}
