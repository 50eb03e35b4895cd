package udpchat.client;

import java.time.Instant;
import udpchat.client.view.Event;
import udpchat.client.view.View;
import udpchat.protocol.Members;
import udpchat.protocol.Names;
import udpchat.protocol.Presence;
import udpchat.protocol.ServerMessage;

/**
 * Shows presence as notices: what people say of themselves ({@code bob is away: lunch}, {@code bob
 * is back}) when it happens, and who is suspect ({@code dave has been silent for 8s (suspect)}) in
 * the answer to {@code /who}. Suspicion is not announced when it happens: on a lossy network one
 * lost heartbeat makes a member suspect and the next one clears it, and a line for each would bury
 * the conversation; the roster (completion, {@code /who}) shows it all the same. Called before the
 * {@link Roster} takes the same message, so it can tell a return from away from one from silence.
 */
final class PresenceNotices implements SessionListener {

  /**
   * Presence that follows a member list this soon is part of a {@code /who} answer: the server
   * sends it right behind the list, and a datagram is lost, not late, on a LAN.
   */
  static final long WHO_ANSWER_MS = 500;

  private final View view;
  private final Roster roster;
  private long whoAnsweredMs = Long.MIN_VALUE / 2;

  PresenceNotices(View view, Roster roster) {
    this.view = view;
    this.roster = roster;
  }

  @Override
  public void onMessage(ServerMessage message, long nowMs) {
    if (message instanceof Members) {
      whoAnsweredMs = nowMs;
    } else if (message instanceof Presence presence) {
      String notice = describe(presence, nowMs - whoAnsweredMs <= WHO_ANSWER_MS);
      if (notice != null) {
        view.show(Event.notice(Instant.ofEpochMilli(nowMs), notice));
      }
    }
  }

  /** The notice for {@code presence}, or null when it is not worth a line. */
  private String describe(Presence presence, boolean inWhoAnswer) {
    String me = roster.me();
    boolean mine = me != null && Names.key(me).equals(Names.key(presence.name()));
    String who = mine ? "you are" : presence.name() + " is";
    Presence before = roster.presenceOf(presence.name());
    switch (presence.state()) {
      case Presence.AWAY:
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
        boolean wasAway = before != null && before.state().equals(Presence.AWAY);
        return wasAway ? who + " back" : null;
      default:
        return presence.name() + " is " + presence.state();
    }
  }
}
