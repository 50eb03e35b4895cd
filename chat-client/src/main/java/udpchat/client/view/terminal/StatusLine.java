package udpchat.client.view.terminal;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.Status;
import udpchat.client.view.StatusSink.Report;
import udpchat.client.view.format.Palette;
import udpchat.text.Sanitizer;

/**
 * The line at the bottom of the screen: the room's address, how many are online, the connection's
 * state, the round-trip time of the last heartbeat, and the user's messages still on their way.
 * Drawn with JLine's {@link Status}, which keeps it out of the scrolling region and redraws it when
 * the terminal is resized.
 *
 * <p>Not thread-safe: {@link TerminalView} calls it with the line reader's lock held.
 */
public final class StatusLine {

  private final Status status;
  private final Palette palette;
  private Report shown;
  private String sending;

  StatusLine(Terminal terminal, Palette palette) {
    this.status = Status.getStatus(terminal);
    this.palette = palette;
  }

  /** Takes the bottom line for the status, before there is anything to say in it. */
  void reserve() {
    if (status != null) {
      status.update(
          List.of(
              new AttributedStringBuilder()
                  .styled(palette.status(), " udpchat ")
                  .toAttributedString()));
    }
  }

  /** Whether the terminal can keep a line at the bottom (a dumb one cannot). */
  boolean available() {
    return status != null;
  }

  void show(Report report) {
    if (status != null && !report.equals(shown)) {
      shown = report;
      update();
    }
  }

  /**
   * The user's messages not yet acknowledged by the server, oldest first: the line says how many,
   * and the oldest, until each is settled. One line whatever their number, so the screen above
   * never moves.
   */
  void sending(Collection<String> messages) {
    String now =
        messages.isEmpty()
            ? null
            : "sending " + messages.size() + ": " + messages.iterator().next();
    if (status != null && !Objects.equals(now, sending)) {
      sending = now;
      update();
    }
  }

  private void update() {
    if (shown != null) {
      status.update(List.of(render(shown, palette, sending)));
    }
  }

  /** The text and style of the line for {@code report}. */
  static AttributedString render(Report report, Palette palette) {
    return render(report, palette, null);
  }

  /** The same, with what is on its way ({@code sending}, already clean) at the end. */
  static AttributedString render(Report report, Palette palette, String sending) {
    String rtt = report.rttMs() < 0 ? "-" : report.rttMs() == 0 ? "<1 ms" : report.rttMs() + " ms";
    String text =
        " "
            + report.address()
            + " | "
            + report.online()
            + " online | "
            + report.connection()
            + " | rtt "
            + rtt
            + (report.remark() == null ? "" : " | " + Sanitizer.clean(report.remark()))
            + (sending == null ? "" : " | " + sending)
            + " ";
    // A tab (which the sanitiser leaves to the terminal) would move the cursor past what the
    // status area thinks it drew, and leave its remains on the line until the next resize.
    text = text.replace('\t', ' ');
    return new AttributedStringBuilder().styled(palette.status(), text).toAttributedString();
  }

  /** Draws the line again, after a resize reset the region it keeps. */
  void redraw() {
    if (status != null) {
      status.redraw();
    }
  }

  /**
   * Takes the line away for a while (Ctrl-Z): the scroll region goes, the screen is the shell's.
   */
  void suspend() {
    if (status != null) {
      status.update(List.of()); // what is shown is kept here, for restore
    }
  }

  /** Draws the line again after {@link #suspend}, on the terminal's bottom row as it is now. */
  void restore() {
    if (status != null) {
      status.resize();
      reserve();
      update();
    }
  }

  /** Removes the line and gives the terminal its whole height back. */
  void close() {
    if (status != null) {
      status.update(List.of());
      status.close();
    }
  }
}
