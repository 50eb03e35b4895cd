package udpchat.client.view.narrator;

import java.util.function.ObjLongConsumer;

/**
 * The same error line again and again said as one line, then one with the count: a server that
 * refuses every retry, or a flood of replies to forged requests, shows the first line at once and,
 * once it has been quiet for the window (or every window while it goes on), {@code "... (x12)"}
 * with how many came in all, never a line each. A different line ends the run.
 *
 * <p>Used on the session's thread only, like the narrator that holds it.
 */
final class RepeatedErrors {

  private final long quietMs;
  private final ObjLongConsumer<String> show;
  private String line;
  private long count;
  private long unshown; // repeats since the last line shown
  private long lastMs;
  private long shownMs;

  /**
   * @param quietMs how long after the last repeat (and between two lines of one run) the count
   *     waits
   * @param show shows a line at a time of the timers' clock
   */
  RepeatedErrors(long quietMs, ObjLongConsumer<String> show) {
    this.quietMs = quietMs;
    this.show = show;
  }

  /** {@code text} happened at {@code nowMs}: shown, or counted as a repeat. */
  void error(long nowMs, String text) {
    if (text.equals(line) && nowMs - lastMs < quietMs) {
      count++;
      unshown++;
      lastMs = nowMs;
      if (nowMs - shownMs >= quietMs) {
        flush(nowMs);
      }
      return;
    }
    flush(nowMs);
    line = text;
    count = 1;
    lastMs = nowMs;
    shownMs = nowMs;
    show.accept(text, nowMs);
  }

  /** Says the count of a run that has gone quiet. */
  void onTick(long nowMs) {
    if (unshown > 0 && nowMs - lastMs >= quietMs) {
      flush(nowMs);
    }
  }

  private void flush(long nowMs) {
    if (unshown > 0) {
      unshown = 0;
      shownMs = nowMs;
      show.accept(line + " (x" + count + ")", nowMs);
    }
  }
}
