package udpchat.client;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import udpchat.client.view.RosterView;
import udpchat.protocol.Chat;
import udpchat.protocol.Members;
import udpchat.protocol.Names;
import udpchat.protocol.Notice;
import udpchat.protocol.Private;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;

/**
 * The client's idea of who is in the room, kept current from what the server says: the welcome,
 * join, leave, expiry and rename notices, member lists and messages. Completion offers its names;
 * mentions are looked for with {@link #me()}.
 *
 * <p>Thread-safe: the session's threads update it and the input thread reads it; it never calls
 * out, so it cannot take part in a deadlock.
 */
public final class Roster implements SessionListener, RosterView {

  private final Map<String, String> byKey = new LinkedHashMap<>();
  private String me;
  private int online;

  /** This user's name as the room knows it, or {@code null} before the first welcome. */
  @Override
  public synchronized String me() {
    return me;
  }

  /** How many members the server last said were online (0 before the welcome). */
  public synchronized int online() {
    return online;
  }

  /** The members' names, in the order {@code /who} lists them. */
  public synchronized List<String> names() {
    List<String> names = new ArrayList<>(byKey.values());
    names.sort(Comparator.comparing(Names::key).thenComparing(Comparator.naturalOrder()));
    return names;
  }

  @Override
  public synchronized List<Entry> members() {
    return names().stream().map(name -> new Entry(name, null)).toList();
  }

  @Override
  public synchronized void onMessage(ServerMessage message, long nowMs) {
    if (message instanceof Welcome welcome) {
      me = welcome.name();
      online = welcome.online();
      add(welcome.name());
    } else if (message instanceof Notice notice) {
      onNotice(notice);
    } else if (message instanceof Members members) {
      onMembers(members);
    } else if (message instanceof Chat chat) {
      add(chat.from()); // someone who speaks is in the room, even if their join notice was lost
    } else if (message instanceof Private whisper) {
      add(whisper.from());
    }
  }

  private void onNotice(Notice notice) {
    switch (notice.event()) {
      case Notice.JOINED:
        add(notice.name());
        break;
      case Notice.LEFT:
      case Notice.EXPIRED:
        if (notice.name() != null && !sameName(notice.name(), me)) {
          byKey.remove(Names.key(notice.name()));
        }
        break;
      case Notice.RENAMED:
        if (notice.name() != null && notice.newName() != null) {
          byKey.remove(Names.key(notice.name()));
          add(notice.newName());
          if (sameName(notice.name(), me)) {
            me = notice.newName();
          }
        }
        break;
      default:
        break;
    }
    online = notice.online();
  }

  /**
   * A member list. One that came whole (every name in one datagram) replaces what was known; the
   * parts of a split one are added. Strings that are not valid names are never offered.
   */
  private void onMembers(Members members) {
    if (members.names().size() == members.total()) {
      byKey.clear();
      if (me != null) {
        add(me);
      }
    }
    members.names().forEach(this::add);
    online = members.total();
  }

  private void add(String name) {
    if (name != null && Names.isValid(name)) {
      byKey.put(Names.key(name), name);
    }
  }

  private static boolean sameName(String a, String b) {
    return a != null && b != null && Names.key(a).equals(Names.key(b));
  }
}
