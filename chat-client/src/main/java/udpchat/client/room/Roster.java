package udpchat.client.room;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import udpchat.client.session.Session;
import udpchat.client.session.SessionListener;
import udpchat.client.view.RosterView;
import udpchat.protocol.Batch;
import udpchat.protocol.Chat;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Lost;
import udpchat.protocol.Members;
import udpchat.protocol.Notice;
import udpchat.protocol.Pong;
import udpchat.protocol.Posted;
import udpchat.protocol.Presence;
import udpchat.protocol.Private;
import udpchat.protocol.Retry;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.text.Names;

/**
 * The client's idea of who is in the room, kept current from what the server says: the welcome,
 * join, leave, expiry and rename notices, member lists and messages. Completion offers its names;
 * mentions are looked for with {@link #me()}.
 *
 * <p>Owned by the session's thread, which updates it (a {@link SessionListener}) and alone reads
 * {@link #presenceOf} and {@link #remark}. What other threads read (completion on the input thread,
 * name colours on the view's: {@link #me}, {@link #online}, {@link #names}, {@link #members}) is an
 * immutable snapshot it publishes after each change, so no thread waits for another.
 */
public final class Roster implements SessionListener, RosterView {

  private final Map<String, String> byKey = new LinkedHashMap<>();

  /** The last {@link Presence} of each member that is not simply active, by name key. */
  private final Map<String, Presence> presences = new HashMap<>();

  private String me;
  private int online;

  /**
   * The others known before the server restarted and not heard of since: still counted online until
   * they rejoin or the server's timeout has passed, so the count does not flap 2, 1, 2 while
   * everyone rejoins one by one.
   */
  private final Set<String> rejoining = new HashSet<>();

  private long rejoiningUntilMs;
  private Long epoch;

  /** What the other threads read: published by the owner after a change. */
  private volatile Published published = new Published(null, 0, List.of(), List.of());

  /** Whether something the snapshot shows changed since it was published. */
  private boolean changed;

  /** The roster as last published. */
  private record Published(String me, int online, List<String> names, List<Entry> members) {}

  /** This user's name as the room knows it, or {@code null} before the first welcome. */
  @Override
  public String me() {
    return published.me();
  }

  /** How many members the server last said were online (0 before the welcome). */
  public int online() {
    return published.online();
  }

  /** The members' names, in the order {@code /who} lists them. */
  public List<String> names() {
    return published.names();
  }

  @Override
  public List<Entry> members() {
    return published.members();
  }

  private void publish() {
    List<String> names = new ArrayList<>(byKey.values());
    names.sort(Comparator.comparing(Names::key).thenComparing(Comparator.naturalOrder()));
    List<Entry> members = names.stream().map(name -> new Entry(name, remark(name))).toList();
    published = new Published(me, online + rejoining.size(), List.copyOf(names), members);
    changed = false;
  }

  /**
   * The presence of {@code name} (away or suspect), or {@code null} when simply active. On the
   * session's thread only.
   */
  public Presence presenceOf(String name) {
    return name == null ? null : presences.get(Names.key(name));
  }

  /**
   * What to show beside {@code name}: {@code away}, {@code away: REASON}, {@code suspect (silent
   * 8s)}, or {@code null}. From the network: sanitise before showing. On the session's thread only.
   */
  public String remark(String name) {
    Presence presence = presenceOf(name);
    if (presence == null) {
      return null;
    }
    if (presence.state().equals(Presence.AWAY)) {
      return presence.reason() == null ? "away" : "away: " + presence.reason();
    }
    if (presence.state().equals(Presence.SUSPECT) && presence.silentMs() != null) {
      return "suspect (silent " + presence.silentMs() / 1000 + "s)";
    }
    return presence.state();
  }

  @Override
  public void onMessage(ServerMessage message, long nowMs) {
    forgetRejoiningAfterTimeout(nowMs);
    message.dispatch(new Update(nowMs));
    if (changed) {
      publish();
    }
  }

  /** What each message changes: speech only if it names someone new; the rest publishes anyway. */
  private final class Update implements ServerMessage.Handler {
    private final long nowMs;

    Update(long nowMs) {
      this.nowMs = nowMs;
    }

    @Override
    public void onWelcome(Welcome welcome) {
      changed = true;
      if (epoch != null && epoch != welcome.epoch()) {
        byKey.keySet().stream().filter(key -> !sameName(key, me)).forEach(rejoining::add);
        rejoiningUntilMs = nowMs + welcome.timeoutMs();
      }
      epoch = welcome.epoch();
      me = welcome.name();
      online = welcome.online();
      add(welcome.name());
    }

    @Override
    public void onNotice(Notice notice) {
      changed = true;
      Roster.this.onNotice(notice);
    }

    @Override
    public void onMembers(Members members) {
      changed = true;
      Roster.this.onMembers(members);
    }

    @Override
    public void onChat(Chat chat) {
      add(chat.from()); // someone who speaks is in the room, even if their join notice was lost
    }

    @Override
    public void onPrivate(Private whisper) {
      add(whisper.from());
    }

    @Override
    public void onPresence(Presence presence) {
      changed = true;
      add(presence.name());
      if (presence.state().equals(Presence.ACTIVE)) {
        presences.remove(Names.key(presence.name()));
      } else {
        presences.put(Names.key(presence.name()), presence);
      }
    }

    @Override
    public void onPong(Pong pong) {
      changed = true;
    }

    @Override
    public void onErrorReply(ErrorReply error) {
      changed = true;
    }

    @Override
    public void onPosted(Posted posted) {
      changed = true;
    }

    @Override
    public void onLost(Lost lost) {
      changed = true;
    }

    @Override
    public void onRetry(Retry retry) {
      changed = true;
    }

    @Override
    public void onBatch(Batch batch) {
      changed = true;
    }
  }

  @Override
  public void onTick(Session.State state, boolean everJoined, boolean serverSilent, long nowMs) {
    forgetRejoiningAfterTimeout(nowMs);
    if (changed) {
      publish();
    }
  }

  private void forgetRejoiningAfterTimeout(long nowMs) {
    if (nowMs >= rejoiningUntilMs && !rejoining.isEmpty()) {
      rejoining.clear();
      changed = true;
    }
  }

  private void onNotice(Notice notice) {
    // A switch expression: a kind added to Notice.Kind is a compile error here until handled.
    Consumer<Notice> change =
        switch (notice.kind()) {
          case JOINED -> joined -> joined.members().forEach(this::add);
          case LEFT, EXPIRED -> this::gone;
          case RENAMED -> this::renamed;
          case SHUTDOWN, UNKNOWN -> other -> {}; // the online count is all it says of the room
        };
    change.accept(notice);
    online = notice.online();
  }

  private void gone(Notice notice) {
    for (String gone : notice.members()) {
      if (!sameName(gone, me)) {
        byKey.remove(Names.key(gone));
      }
      presences.remove(Names.key(gone)); // a member that comes back starts afresh
      rejoining.remove(Names.key(gone));
    }
  }

  private void renamed(Notice notice) {
    if (notice.name() == null || notice.newName() == null) {
      return;
    }
    byKey.remove(Names.key(notice.name()));
    Presence presence = presences.remove(Names.key(notice.name()));
    if (presence != null) {
      presences.put(
          Names.key(notice.newName()),
          new Presence(notice.newName(), presence.state(), presence.reason(), presence.silentMs()));
    }
    add(notice.newName());
    if (sameName(notice.name(), me)) {
      me = notice.newName();
    }
  }

  /**
   * A member list. One that came whole (every name in one datagram) replaces what was known; the
   * parts of a split one are added. Strings that are not valid names are never offered.
   */
  private void onMembers(Members members) {
    if (members.names().size() == members.total()) {
      byKey.clear();
      presences.clear(); // the server follows a list with the presence of those not active
      if (me != null) {
        add(me);
      }
    }
    members.names().forEach(this::add);
    online = members.total();
  }

  private void add(String name) {
    if (name != null && Names.isWellFormed(name)) {
      changed |= !name.equals(byKey.put(Names.key(name), name));
      changed |= rejoining.remove(Names.key(name));
    }
  }

  private static boolean sameName(String a, String b) {
    return a != null && b != null && Names.key(a).equals(Names.key(b));
  }
}
