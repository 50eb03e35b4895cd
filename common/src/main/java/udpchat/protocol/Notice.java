package udpchat.protocol;

/**
 * Something that happened in the room: {@code event} is one of the constants below, {@code name}
 * the member it is about (absent for {@link #SHUTDOWN}), {@code newName} the new name after {@link
 * #RENAMED}, and {@code online} the number of members after the event.
 */
public record Notice(String event, String name, String newName, int online)
    implements ServerMessage {

  public static final String JOINED = "joined";
  public static final String LEFT = "left";
  public static final String EXPIRED = "expired";
  public static final String RENAMED = "renamed";
  public static final String SHUTDOWN = "shutdown";

  public Notice {
    Fields.text("event", event);
    if (name != null) {
      Fields.name("name", name);
    }
    if (newName != null) {
      Fields.name("newName", newName);
    }
  }

  public static Notice about(String event, String name, int online) {
    return new Notice(event, name, null, online);
  }
}
