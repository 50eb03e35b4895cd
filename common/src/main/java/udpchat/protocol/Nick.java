package udpchat.protocol;

/** Asks to be known as {@code name} from now on. */
public record Nick(String session, long id, String name) implements SessionMessage {
  public Nick {
    Fields.session(session);
    Fields.nonNegative("id", id);
    Fields.name("name", name);
  }
}
