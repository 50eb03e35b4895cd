package udpchat.client.view;

import java.util.List;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.Status;
import udpchat.text.Sanitizer;

/**
 * The line at the bottom of the screen: the room's address, how many are online, the connection's
 * state and the round-trip time of the last heartbeat. Drawn with JLine's {@link Status}, which
 * keeps it out of the scrolling region and redraws it when the terminal is resized.
 *
 * <p>Not thread-safe: {@link TerminalView} calls it with the line reader's lock held.
 */
public final class StatusLine {

  private final Status status;
  private final Palette palette;
  private Report shown;

  StatusLine(Terminal terminal, Palette palette) {
    this.status = Status.getStatus(terminal);
    this.palette = palette;
  }

  /**
   * What the status line says.
   *
   * @param address the server's address as the user knows it
   * @param online the members online, by the server's last count
   * @param connection the state, like {@code connected} or {@code reconnecting}
   * @param rttMs the round-trip time of the last answered heartbeat, or -1 before the first
   * @param remark anything else worth a glance (like {@code away}), or {@code null}
   */
  public record Report(String address, int online, String connection, long rttMs, String remark) {}

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

  void show(Report report) {
    if (status != null && !report.equals(shown)) {
      shown = report;
      status.update(List.of(render(report, palette)));
    }
  }

  /** The text and style of the line for {@code report}. */
  static AttributedString render(Report report, Palette palette) {
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
            + " ";
    return new AttributedStringBuilder().styled(palette.status(), text).toAttributedString();
  }

  /** Draws the line again, after a resize reset the region it keeps. */
  void redraw() {
    if (status != null) {
      status.redraw();
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
