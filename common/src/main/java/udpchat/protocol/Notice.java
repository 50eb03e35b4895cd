package udpchat.protocol;

/**
 * Something that happened in the room: {@code event} is one of the constants below, {@code name}
 * the member it is about (absent for {@link #SHUTDOWN}), {@code newName} the new name after {@link
 * #RENAMED}, and {@code online} the number of members after the event.
 *
 * <p>Joins, leaves, expiries and renames are numbered room events ({@code seq}, {@code at}, and
 * {@code prev} or {@code ref}/{@code of}, as for {@link Chat}). Two notices are not: {@link
 * #SHUTDOWN}, and the {@link #EXPIRED} notice sent to the expired member itself, which is no longer
 * in the room's stream.
 */
public record Notice(
    String event,
    String name,
    String newName,
    int online,
    Long seq,
    Long prev,
    Long at,
    Long ref,
    Integer of)
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
    if (seq == null) {
      if (prev != null || ref != null || of != null || at != null) {
        throw new IllegalArgumentException("prev, at, ref and of need seq");
      }
    } else {
      Fields.roomEvent(seq, prev, ref, of);
      if (at == null) {
        throw new IllegalArgumentException("a numbered notice needs at");
      }
    }
  }

  /** A numbered room event about {@code name}, as kept by the server. */
  public static Notice posted(long seq, long at, String event, String name, int online) {
    return new Notice(event, name, null, online, seq, null, at, null, null);
  }

  /** A notice outside the room's order (shutdown, or an expiry told to the expired member). */
  public static Notice unnumbered(String event, String name, int online) {
    return new Notice(event, name, null, online, null, null, null, null, null);
  }

  /** Whether this notice is a numbered room event. */
  public boolean numbered() {
    return seq != null;
  }
}
