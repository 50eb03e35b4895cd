package udpchat.client.view;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import udpchat.protocol.Limits;
import udpchat.protocol.Members;
import udpchat.protocol.Notice;
import udpchat.time.Durations;
import udpchat.time.WallStamps;

/**
 * Every sentence the session says to the user, in one place: the session decides what happened,
 * this says it (in English, stamped with the wall time of the moment) and shows it. Kept apart so
 * the session reads as a protocol, the wording can be changed (or translated) without touching it,
 * and a test can name a sentence without copying it.
 */
public final class Narrator {

  private final View view;
  private final WallStamps stamps;

  /** Shows on {@code view}; {@code stamps}: the wall time of a time of the timers' clock. */
  public Narrator(View view, WallStamps stamps) {
    this.view = view;
    this.stamps = stamps;
  }

  /** The wall time of {@code nowMs}, a time of the timers' clock, for a line this client says. */
  public Instant at(long nowMs) {
    return stamps.instantAt(nowMs);
  }

  /** Shows {@code event} as it is (a room event, the user's own message). */
  public void show(Event event) {
    view.show(event);
  }

  private void notice(long nowMs, String text) {
    view.show(Event.notice(at(nowMs), text));
  }

  private void error(long nowMs, String text) {
    view.show(Event.error(at(nowMs), text));
  }

  // ---- Joining ----

  public void joining(long nowMs, String server, String name) {
    notice(nowMs, "joining " + server + " as " + name);
  }

  public void joined(
      long nowMs,
      boolean rejoined,
      String server,
      String name,
      int online,
      long heartbeatMs,
      long timeoutMs) {
    notice(
        nowMs,
        (rejoined ? "rejoined as " : "joined " + server + " as ")
            + name
            + " ("
            + online
            + " online; heartbeat "
            + Durations.format(Duration.ofMillis(heartbeatMs))
            + ", timeout "
            + Durations.format(Duration.ofMillis(timeoutMs))
            + ")");
  }

  public void serverRestarted(long nowMs) {
    notice(nowMs, "the server restarted; catching up on what you missed");
  }

  public void roomFull(long nowMs, String serverSays) {
    error(nowMs, serverSays + "; still trying");
  }

  public void oldSessionInTheWay(long nowMs, String serverSays) {
    notice(nowMs, serverSays + "; retrying until the old session expires");
  }

  public void nameRefused(long nowMs, String serverSays, boolean joining) {
    error(nowMs, joining ? serverSays + " (/nick NAME to pick another)" : serverSays);
  }

  public void sessionUnknown(long nowMs, String name) {
    notice(
        nowMs,
        "the server does not know this session (it expired us, or restarted); rejoining as "
            + name);
  }

  public void expired(long nowMs, long timeoutMs, boolean rejoining, String name) {
    String silence = Durations.format(Duration.ofMillis(timeoutMs));
    notice(
        nowMs,
        "the server expired you (silent for over "
            + silence
            + "); "
            + (rejoining ? "rejoining as " + name : "/hb on to rejoin"));
  }

  // ---- Liveness ----

  public void serverSilent(long nowMs, long silentMs) {
    notice(
        nowMs,
        "no reply from the server for "
            + Durations.format(Duration.ofMillis(silentMs / 1000 * 1000))
            + "; still trying");
  }

  public void serverAnswering(long nowMs) {
    notice(nowMs, "the server is answering again");
  }

  public void heartbeatsOff(long nowMs, long timeoutMs) {
    String after = timeoutMs == 0 ? "its timeout" : Durations.format(Duration.ofMillis(timeoutMs));
    notice(
        nowMs,
        "heartbeats off: the server will expire you after "
            + after
            + " of silence (/hb on to resume)");
  }

  public void heartbeatsOn(long nowMs) {
    notice(nowMs, "heartbeats on");
  }

  // ---- The user's messages ----

  /** The user's message number {@code n}, as it will be shown in the room, is on its way. */
  public void sending(long nowMs, long n, Event message) {
    view.show(Event.sending(at(nowMs), n, message));
  }

  public void delivered(long nowMs, long n, Event message) {
    view.show(Event.delivered(at(nowMs), n, message));
  }

  public void failed(long nowMs, long n, Event message, String reason) {
    view.show(Event.failed(at(nowMs), n, message, reason));
  }

  public void givenUp(long nowMs, long n, Event message, long afterMs) {
    failed(
        nowMs,
        n,
        message,
        "no answer from the server for " + Durations.format(Duration.ofMillis(afterMs)));
  }

  public void notInTheRoomYet(long nowMs) {
    notice(nowMs, "not in the room yet: sending once joined");
  }

  public void tooLong(long nowMs, int bytes) {
    error(
        nowMs,
        "message too long: "
            + bytes
            + " bytes, the limit is "
            + Limits.MAX_TEXT_BYTES
            + " (about as many letters of plain text); nothing was sent");
  }

  public void tooManyWaiting(long nowMs, int capacity) {
    error(nowMs, capacity + " messages are already waiting for the server: this one was not sent");
  }

  public void noSuchMember(long nowMs, String name) {
    error(nowMs, "there can be no member named " + name);
  }

  public void nameUnusable(long nowMs, String problem) {
    error(nowMs, "cannot use that name: " + problem);
  }

  public void awayReasonTooLong(long nowMs, int limit) {
    error(nowMs, "reason too long: the limit is " + limit);
  }

  public void awayNotInRoom(long nowMs) {
    error(nowMs, "not in the room: /away once joined");
  }

  /** An error the server sent, in its words. */
  public void serverError(long nowMs, String serverSays) {
    error(nowMs, serverSays);
  }

  // ---- Typed commands answered without the server ----

  public void alreadyNamed(long nowMs, String name) {
    notice(nowMs, "you are already " + name);
  }

  public void historyCapped(long nowMs, int max) {
    notice(
        nowMs,
        "the server keeps no more than " + max + " events for /history: showing the last " + max);
  }

  public void help(long nowMs, List<String> lines) {
    lines.forEach(line -> notice(nowMs, line));
  }

  public void invalidCommand(long nowMs, String problem) {
    error(nowMs, problem);
  }

  // ---- The room ----

  public void members(long nowMs, Members members) {
    notice(nowMs, "members (" + members.total() + "): " + String.join(", ", members.names()));
  }

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

  public static String renamedText(Notice notice, boolean me, String newName) {
    return me
        ? "you are now known as " + newName
        : notice.name() + " is now known as " + notice.newName();
  }

  public static String shutdownText() {
    return "the server is shutting down; will rejoin when it is back";
  }

  private static String online(Notice notice) {
    return " (" + notice.online() + " online)";
  }
}
