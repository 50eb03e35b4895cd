package udpchat.client.view.narrator;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import udpchat.client.view.Event;
import udpchat.client.view.View;
import udpchat.time.Durations;
import udpchat.time.WallStamps;

/**
 * The sentences about whether the server can be reached: nothing listening, a send that failed, no
 * answer to the joins. All about the link, not the room: the full-screen view's status window.
 */
public final class ReachabilityNarrator {

  private final View view;
  private final WallStamps stamps;

  /** Shows on {@code view}; {@code stamps}: the wall time of a time of the timers' clock. */
  public ReachabilityNarrator(View view, WallStamps stamps) {
    this.view = view;
    this.stamps = stamps;
  }

  private void serverError(Instant at, String text) {
    view.show(Event.error(at, text).asServer());
  }

  private void serverNotice(Instant at, String text) {
    view.show(Event.notice(at, text).asServer());
  }

  /** Said at once (not at a time of the timers' clock): the kernel's answer came just now. */
  public void nothingListening(String server, boolean joining, long maxRetryMs) {
    String retry =
        joining
            ? "trying again every " + Durations.format(Duration.ofMillis(maxRetryMs)) + " at most"
            : "still trying";
    serverError(
        stamps.now(),
        "nothing is listening at "
            + server
            + " (is the server running?); "
            + retry
            + " (quit or Ctrl-D to give up)");
  }

  public void cannotSend(String server, IOException cause) {
    serverError(
        stamps.now(),
        "cannot send to " + server + ": " + cause + " (later failures are counted, not shown)");
  }

  /** No answer at all to the joins of {@code waitedMs}; {@code sealed}: with a room key. */
  public void noAnswer(long nowMs, String server, long waitedMs, boolean sealed) {
    String after = " after " + Durations.format(Duration.ofMillis(waitedMs / 1000 * 1000));
    serverNotice(
        stamps.instantAt(nowMs),
        sealed
            ? "no server answers at "
                + server
                + after
                + ": wrong room key? (a private room answers only clients with its key; a server"
                + " with another key, or none, never answers); still trying (quit or Ctrl-D to"
                + " give up)"
            : "no server answers at "
                + server
                + after
                + "; still trying (quit or Ctrl-D to give up; a private room answers only clients"
                + " with its key: --room-key-file)");
  }
}
