package udpchat.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Something that happened in the room: {@code event} is one of the constants below, {@code name}
 * the member it is about (absent for {@link #SHUTDOWN}), {@code newName} the new name after {@link
 * #RENAMED}, and {@code online} the number of members after the event.
 *
 * <p>A burst of joins, leaves or expiries is one notice naming several members, in the order they
 * happened: {@code names} (two or more) takes the place of {@code name}, and {@code online} is the
 * number after the last of them. A notice has {@code name} or {@code names}, never both.
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
    Integer of,
    List<String> names)
    implements RoomMessage {

  /**
   * What a notice says happened. {@code event} stays a string on the wire so that a client meets a
   * kind added by a newer server as {@link #UNKNOWN} (and shows it as it came) instead of refusing
   * the datagram, which would stall the room's stream at that event.
   */
  public enum Kind {
    JOINED("joined"),
    LEFT("left"),
    EXPIRED("expired"),
    RENAMED("renamed"),
    SHUTDOWN("shutdown"),
    /** A kind this version does not know. */
    UNKNOWN(null);

    private final String wire;

    Kind(String wire) {
      this.wire = wire;
    }

    /** The name on the wire; {@code null} for {@link #UNKNOWN}. */
    public String wire() {
      return wire;
    }

    /** The name to send: every kind but {@link #UNKNOWN}, which this version never sends. */
    String sent() {
      if (wire == null) {
        throw new IllegalArgumentException("a notice of an unknown kind is never sent");
      }
      return wire;
    }

    /** The kind named {@code event}, or {@link #UNKNOWN}. */
    public static Kind of(String event) {
      for (Kind kind : values()) {
        if (kind != UNKNOWN && kind.wire.equals(event)) {
          return kind;
        }
      }
      return UNKNOWN;
    }
  }

  public Notice {
    Fields.text("event", event);
    if (name != null) {
      Fields.name("name", name);
    }
    if (names != null) {
      if (name != null || names.size() < 2 || names.stream().anyMatch(Objects::isNull)) {
        throw new IllegalArgumentException("names must be two or more names, without name");
      }
      names.forEach(each -> Fields.name("names", each));
      names = List.copyOf(names);
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

  /** A notice about one member (or none), as most are. */
  public Notice(
      String event,
      String name,
      String newName,
      int online,
      Long seq,
      Long prev,
      Long at,
      Long ref,
      Integer of) {
    this(event, name, newName, online, seq, prev, at, ref, of, null);
  }

  /** A numbered room event about {@code name}, as kept by the server. */
  public static Notice posted(long seq, long at, String event, String name, int online) {
    return new Notice(event, name, null, online, seq, null, at, null, null);
  }

  /**
   * A numbered room event about {@code members} (one or more, in the order of the events), as kept
   * by the server: one name is sent as {@code name}, several as {@code names}.
   */
  public static Notice posted(long seq, long at, String event, List<String> members, int online) {
    if (members.size() == 1) {
      return posted(seq, at, event, members.get(0), online);
    }
    return new Notice(event, null, null, online, seq, null, at, null, null, members);
  }

  /** The numbered room event of {@code name}'s rename to {@code newName}, as kept by the server. */
  public static Notice renamed(long seq, long at, String name, String newName, int online) {
    return new Notice(Kind.RENAMED.wire, name, newName, online, seq, null, at, null, null);
  }

  /** A numbered room event of {@code kind} about {@code name}, as kept by the server. */
  public static Notice posted(long seq, long at, Kind kind, String name, int online) {
    return posted(seq, at, kind.sent(), name, online);
  }

  /** A numbered room event of {@code kind} about {@code members}, as kept by the server. */
  public static Notice posted(long seq, long at, Kind kind, List<String> members, int online) {
    return posted(seq, at, kind.sent(), members, online);
  }

  /** A notice of {@code kind} outside the room's order. */
  public static Notice unnumbered(Kind kind, String name, int online) {
    return unnumbered(kind.sent(), name, online);
  }

  /** A notice outside the room's order (shutdown, or an expiry told to the expired member). */
  public static Notice unnumbered(String event, String name, int online) {
    return new Notice(event, name, null, online, null, null, null, null, null);
  }

  /** The members it is about, in order: {@code names}, or {@code name} alone, or none. */
  public List<String> members() {
    if (names != null) {
      return names;
    }
    return name == null ? List.of() : List.of(name);
  }

  /**
   * What happened, as a {@link Kind}: {@link Kind#UNKNOWN} for a kind this version does not know.
   */
  public Notice.Kind kind() {
    return Kind.of(event);
  }

  /** Whether this notice is a numbered room event. */
  public boolean numbered() {
    return seq != null;
  }

  @Override
  public Long number() {
    return seq;
  }

  @Override
  public Long postedAt() {
    return at;
  }

  @Override
  public Notice inStream(long prev) {
    return new Notice(event, name, newName, online, seq, prev, at, null, null, names);
  }

  @Override
  public Notice recalled(long ref, int of) {
    return new Notice(event, name, newName, online, seq, null, at, ref, of, names);
  }

  @Override
  public void dispatch(ServerMessage.Handler handler) {
    handler.onNotice(this);
  }
}
