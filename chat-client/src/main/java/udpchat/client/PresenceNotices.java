package udpchat.client;

import java.time.Instant;
import udpchat.client.view.Event;
import udpchat.client.view.View;
import udpchat.protocol.Names;
import udpchat.protocol.Presence;
import udpchat.protocol.ServerMessage;

/**
 * Shows presence changes as notices: {@code bob is away: lunch}, {@code bob is back}, {@code dave
 * has been silent for 8s (suspect)}, {@code dave is heard from again}. Called before the {@link
 * Roster} takes the same message, so it can tell a return from away from one from silence.
 */
final class PresenceNotices implements SessionListener {

  private final View view;
  private final Roster roster;

  PresenceNotices(View view, Roster roster) {
    this.view = view;
    this.roster = roster;
  }

  @Override
  public void onMessage(ServerMessage message, long nowMs) {
    if (message instanceof Presence presence) {
      view.show(Event.notice(Instant.ofEpochMilli(nowMs), describe(presence)));
    }
  }

  private String describe(Presence presence) {
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
        long seconds = presence.silentMs() == null ? 0 : presence.silentMs() / 1000;
        return (mine ? "the server has not heard from you" : presence.name() + " has been silent")
            + " for "
            + seconds
            + "s (suspect: expired soon unless heard from)";
      case Presence.ACTIVE:
        if (before != null && before.state().equals(Presence.SUSPECT)) {
          return (mine ? "you are" : presence.name() + " is") + " heard from again";
        }
        return who + " back";
      default:
        return presence.name() + " is " + presence.state();
    }
  }
}
