package udpchat.client.room;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import udpchat.client.session.SessionListener;
import udpchat.client.view.Event;
import udpchat.client.view.View;
import udpchat.protocol.Members;
import udpchat.protocol.Names;
import udpchat.protocol.Notice;
import udpchat.protocol.Presence;
import udpchat.protocol.ServerMessage;
import udpchat.time.WallStamps;

/**
 * Shows presence as notices: what people say of themselves ({@code bob is away: lunch}, {@code bob
 * is back}) when it happens, and who is suspect ({@code dave has been silent for 8s (suspect)}) in
 * the answer to {@code /who}. Suspicion is not announced when it happens: on a lossy network one
 * lost heartbeat makes a member suspect and the next one clears it, and a line for each would bury
 * the conversation; the roster (completion, {@code /who}) shows it all the same. An away is said
 * once, however often the server repeats it (it follows every member list), and a return only after
 * an away that was said.
 */
public final class PresenceNotices implements SessionListener {

  /**
   * Presence that follows a member list this soon is part of a {@code /who} answer: the server
   * sends it right behind the list, and a datagram is lost, not late, on a LAN.
   */
  static final long WHO_ANSWER_MS = 500;

  private final View view;
  private final Roster roster;
  private long whoAnsweredMs = Long.MIN_VALUE / 2;

  /**
   * The reason (empty for none) of each member last said to be away, by name key: the server says
   * the presence again behind every member list (each join asks for one), which is not news.
   */
  private final Map<String, String> saidAway = new HashMap<>();

  /** Whether the user typed /who, whose answer says again who is away... */
  private boolean whoAsked;

  /** ...and whether the member list that came last answers it (not the one each join asks for). */
  private boolean answersAskedWho;

  private final WallStamps stamps;

  /** Shows on {@code view}; {@code stamps}: the wall time of a time of the timers' clock. */
  public PresenceNotices(View view, Roster roster, WallStamps stamps) {
    this.view = view;
    this.roster = roster;
    this.stamps = stamps;
  }

  @Override
  public void onMessage(ServerMessage message, long nowMs) {
    if (message instanceof Members) {
      whoAnsweredMs = nowMs;
      answersAskedWho = whoAsked;
      whoAsked = false;
    } else if (message instanceof Notice notice
        && (notice.event().equals(Notice.LEFT) || notice.event().equals(Notice.EXPIRED))) {
      notice.members().forEach(gone -> saidAway.remove(Names.key(gone))); // back afresh
    } else if (message instanceof Presence presence) {
      String notice = describe(presence, nowMs - whoAnsweredMs <= WHO_ANSWER_MS);
      if (notice != null) {
        view.show(Event.notice(stamps.instantAt(nowMs), notice));
      }
    }
  }

  /** The user typed /who: the away members are said again in its answer. */
  public void onWhoAsked() {
    whoAsked = true;
  }

  /** The notice for {@code presence}, or null when it is not worth a line. */
  private String describe(Presence presence, boolean inWhoAnswer) {
    String me = roster.me();
    boolean mine = me != null && Names.key(me).equals(Names.key(presence.name()));
    String who = mine ? "you are" : presence.name() + " is";
    switch (presence.state()) {
      case Presence.AWAY:
        String reason = Objects.requireNonNullElse(presence.reason(), "");
        boolean again = reason.equals(saidAway.put(Names.key(presence.name()), reason));
        if (again && !(inWhoAnswer && answersAskedWho)) {
          return null;
        }
        return who
            + " away"
            + (presence.reason() == null ? "" : ": " + presence.reason())
            + (mine ? " (/back when you are back)" : "");
      case Presence.SUSPECT:
        if (!inWhoAnswer) {
          return null;
        }
        long seconds = presence.silentMs() == null ? 0 : presence.silentMs() / 1000;
        return (mine ? "the server has not heard from you" : presence.name() + " has been silent")
            + " for "
            + seconds
            + "s (suspect: expired soon unless heard from)";
      case Presence.ACTIVE:
        // Back from away, not from a silence (nobody was told of that).
        boolean wasAway = saidAway.remove(Names.key(presence.name())) != null;
        return wasAway ? who + " back" : null;
      default:
        return presence.name() + " is " + presence.state();
    }
  }
}
