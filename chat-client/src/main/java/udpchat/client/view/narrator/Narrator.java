package udpchat.client.view.narrator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import udpchat.client.view.Event;
import udpchat.client.view.View;
import udpchat.protocol.Limits;
import udpchat.time.Durations;
import udpchat.time.WallStamps;

/**
 * Every sentence the client says to the user about its connection and its own doings, in one place
 * (the room's events are the {@link RoomNarrator}'s): the session decides what happened, this says
 * it (in English, stamped with the wall time of the moment) and shows it. Kept apart so the session
 * reads as a protocol, the wording can be changed (or translated) without touching it, and a test
 * can name a sentence without copying it.
 */
public final class Narrator {

  /** How long the same error from the server waits, once repeated, before its count is said. */
  static final long SERVER_REPEATS_QUIET_MS = 5000;

  private final View view;
  private final WallStamps stamps;
  private final RepeatedErrors serverErrors;

  /** Shows on {@code view}; {@code stamps}: the wall time of a time of the timers' clock. */
  public Narrator(View view, WallStamps stamps) {
    this.view = view;
    this.stamps = stamps;
    this.serverErrors =
        new RepeatedErrors(SERVER_REPEATS_QUIET_MS, (text, atMs) -> serverError(at(atMs), text));
  }

  /** Says the counts of repeated errors that have gone quiet; called on every timer tick. */
  public void onTick(long nowMs) {
    serverErrors.onTick(nowMs);
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

  /** About the link to the server, not the room: the status window's (full-screen view). */
  private void serverNotice(long nowMs, String text) {
    view.show(Event.notice(at(nowMs), text).asServer());
  }

  private void serverError(Instant at, String text) {
    view.show(Event.error(at, text).asServer());
  }

  // ---- Joining ----

  public void joining(long nowMs, String server, String name) {
    serverNotice(nowMs, "joining " + server + " as " + name);
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
    notice(
        nowMs,
        "the server restarted; catching up on what you missed"); // the room's: its lines follow
  }

  public void roomFull(long nowMs, String serverSays) {
    serverError(at(nowMs), serverSays + "; still trying");
  }

  public void oldSessionInTheWay(long nowMs, String serverSays) {
    serverNotice(nowMs, serverSays + "; retrying until the old session expires");
  }

  public void nameRefused(long nowMs, String serverSays, boolean joining) {
    serverErrors.error(nowMs, joining ? serverSays + " (/nick NAME to pick another)" : serverSays);
  }

  public void sessionUnknown(long nowMs, String name) {
    serverNotice(
        nowMs,
        "the server does not know this session (it expired us, or restarted); rejoining as "
            + name);
  }

  public void expired(long nowMs, long timeoutMs, boolean rejoining, String name) {
    String silence = Durations.format(Duration.ofMillis(timeoutMs));
    serverNotice(
        nowMs,
        "the server expired you (silent for over "
            + silence
            + "); "
            + (rejoining ? "rejoining as " + name : "/hb on to rejoin"));
  }

  // ---- Liveness ----

  public void serverSilent(long nowMs, long silentMs) {
    serverNotice(
        nowMs,
        "no reply from the server for "
            + Durations.format(Duration.ofMillis(silentMs / 1000 * 1000))
            + "; still trying");
  }

  public void serverAnswering(long nowMs) {
    serverNotice(nowMs, "the server is answering again");
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

  /** A line too long for one message goes as {@code parts} of them. */
  public void splitInto(long nowMs, int parts) {
    notice(
        nowMs,
        "a long line: sent as "
            + parts
            + " messages (at most "
            + Limits.MAX_TEXT_BYTES
            + " bytes each, cut between words)");
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

  /** An error the server sent, in its words; the same again soon after is counted, not shown. */
  public void serverError(long nowMs, String serverSays) {
    serverErrors.error(nowMs, serverSays);
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

  /** What {@code /stats} found, a line each. */
  public void stats(long nowMs, List<String> lines) {
    lines.forEach(line -> notice(nowMs, line));
  }

  /** {@code /window} or {@code /query} where there are no windows (plain mode, --scrolling). */
  public void noWindows(long nowMs) {
    error(nowMs, "no windows here: they are the full-screen view's (not --plain or --scrolling)");
  }

  public void invalidCommand(long nowMs, String problem) {
    error(nowMs, problem);
  }

  // ---- The input loop, and leaving (said at once: not at a time of the timers' clock) ----

  public void busy() {
    view.show(
        Event.error(stamps.now(), "not sent: the client is busy with the server; type it again"));
  }

  public void waitingForAcks() {
    view.show(Event.notice(stamps.now(), "waiting for the server to acknowledge your messages..."));
  }

  public void mayNotBeDelivered(int unsettled) {
    view.show(Event.error(stamps.now(), unsettled + " message(s) may not have been delivered"));
  }

  /** {@code wasIn}: the session was ever in the room at {@code server}. */
  public void left(boolean wasIn, String server) {
    view.show(
        Event.notice(
            stamps.now(),
            wasIn ? "left the room" : "gave up joining " + server + " (never joined)"));
  }
}
