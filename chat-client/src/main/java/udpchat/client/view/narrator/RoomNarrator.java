package udpchat.client.view.narrator;

import java.time.Instant;
import java.util.List;
import udpchat.client.view.Event;
import udpchat.client.view.View;
import udpchat.protocol.Members;
import udpchat.protocol.Notice;
import udpchat.time.WallStamps;

/**
 * Every sentence about the room: its notices (joins, leaves, expiries, renames), its member lists
 * and presence, what was missed, and {@code /history}. The session and the presence notices decide
 * what happened; this says it, as the {@link Narrator} does for the connection.
 */
public final class RoomNarrator {

  private final View view;
  private final WallStamps stamps;

  /** Shows on {@code view}; {@code stamps}: the wall time of a time of the timers' clock. */
  public RoomNarrator(View view, WallStamps stamps) {
    this.view = view;
    this.stamps = stamps;
  }

  /** The wall time of {@code nowMs}, a time of the timers' clock, for a line this client says. */
  public Instant at(long nowMs) {
    return stamps.instantAt(nowMs);
  }

  /** Shows {@code event} as it is (a room event). */
  public void show(Event event) {
    view.show(event);
  }

  private void notice(long nowMs, String text) {
    view.show(Event.notice(at(nowMs), text));
  }

  private void error(long nowMs, String text) {
    view.show(Event.error(at(nowMs), text));
  }

  // ---- Who is in the room ----

  public void members(long nowMs, Members members) {
    notice(nowMs, "members (" + members.total() + "): " + String.join(", ", members.names()));
  }

  /** What a notice says; {@code others}: the members it names other than the user. */
  public static String joinedText(List<String> others, Notice notice) {
    return NameSummary.of(others) + " joined" + online(notice);
  }

  public static String leftText(Notice notice) {
    return NameSummary.of(notice.members()) + " left" + online(notice);
  }

  public static String expiredText(Notice notice) {
    return NameSummary.of(notice.members()) + " expired (went silent)" + online(notice);
  }

  /** {@code me}: the rename is the user's own. */
  public static String renamedText(Notice notice, boolean me) {
    return me
        ? "you are now known as " + notice.newName()
        : notice.name() + " is now known as " + notice.newName();
  }

  public static String shutdownText() {
    return "the server is shutting down; will rejoin when it is back";
  }

  /** A kind of notice from a newer server: shown as it came. */
  public static String unknownText(Notice notice) {
    return notice.event() + " " + notice.name();
  }

  private static String online(Notice notice) {
    return " (" + notice.online() + " online)";
  }

  // ---- Presence: what members say of themselves, and who is suspect ----

  /** {@code mine}: the presence is the user's own. */
  public void away(long nowMs, String name, boolean mine, String reason) {
    notice(
        nowMs,
        (mine ? "you are" : name + " is")
            + " away"
            + (reason == null ? "" : ": " + reason)
            + (mine ? " (/back when you are back)" : ""));
  }

  public void back(long nowMs, String name, boolean mine) {
    notice(nowMs, (mine ? "you are" : name + " is") + " back");
  }

  public void suspect(long nowMs, String name, boolean mine, long silentSeconds) {
    notice(
        nowMs,
        (mine ? "the server has not heard from you" : name + " has been silent")
            + " for "
            + silentSeconds
            + "s (suspect: expired soon unless heard from)");
  }

  /** A presence state from a newer server: shown as it came. */
  public void presence(long nowMs, String name, String state) {
    notice(nowMs, name + " is " + state);
  }

  // ---- What was missed, and /history ----

  public void missed(long nowMs, long count) {
    error(
        nowMs,
        "missed "
            + count
            + " room event(s): the server no longer keeps them (it keeps its last"
            + " --history events)");
  }

  public void historyNotInRoom(long nowMs) {
    error(nowMs, "not in the room: no history to ask for yet");
  }

  public void historyHeader(long nowMs, int count) {
    notice(nowMs, "history: the last " + count + " event(s)");
  }

  public void historyIncomplete(long nowMs, int missing) {
    notice(nowMs, missing + " of them did not arrive; /history again");
  }

  public void historyUnanswered(long nowMs) {
    error(nowMs, "no answer to /history; try again");
  }
}
