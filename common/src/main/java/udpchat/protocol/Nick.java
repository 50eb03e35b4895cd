package udpchat.protocol;

/** Asks to be known as {@code name} from now on; the room checks the name (see {@link Join}). */
public record Nick(String session, long id, String name) implements SessionMessage {
  public Nick {
    Fields.session(session);
    Fields.nonNegative("id", id);
    Fields.text("name", name);
  }

  @Override
  public void dispatch(SessionMessage.Handler handler) {
    handler.onNick(this);
  }
}
