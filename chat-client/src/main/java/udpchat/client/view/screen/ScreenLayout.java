package udpchat.client.view.screen;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * What the screen shows, row by row, computed from the client's own state and nothing the terminal
 * remembers: the title bar, the shown window's lines (wrapped at words to the width, {@link
 * LineWrap}, the newest at the bottom of what fits, the unread marker above the first unseen line),
 * the status bar and the input line. A resize draws this again at the new size, so nothing is lost
 * and nothing stale is left.
 */
final class ScreenLayout {

  /** The rows that are not the window's: the title bar, the status bar, the input line. */
  static final int BARS = 3;

  static final String MARKER = "-------- unread --------";

  /**
   * The frame: every row of the screen, and where the cursor stands (on the input line).
   *
   * @param cursorRow from 0, the top row
   * @param cursorColumn from 0
   */
  record Frame(List<AttributedString> rows, int cursorRow, int cursorColumn) {}

  private ScreenLayout() {}

  /**
   * @param input the prompt and the typed text, as one line
   * @param inputCursor the cursor's column in {@code input}
   */
  static Frame layout(
      int height,
      int width,
      AttributedString title,
      Window window,
      AttributedStyle markerStyle,
      AttributedString status,
      AttributedString input,
      int inputCursor) {
    int cols = Math.max(1, width);
    List<AttributedString> rows = new ArrayList<>();
    int region = Math.max(0, height - BARS);
    if (height >= BARS) {
      rows.add(bar(title, cols));
    }
    rows.addAll(windowRows(window, region, cols, markerStyle));
    if (height >= 2) {
      rows.add(bar(status, cols));
    }
    // The input line keeps its last column free: a character there would wrap or scroll the screen.
    int room = Math.max(1, cols - 1);
    int offset = Math.max(0, inputCursor - room + 1);
    rows.add(input.columnSubSequence(offset, offset + room));
    return new Frame(rows, rows.size() - 1, inputCursor - offset);
  }

  /** The window's rows: its newest lines that fit above what is scrolled back, top-aligned. */
  static List<AttributedString> windowRows(
      Window window, int region, int cols, AttributedStyle markerStyle) {
    List<AttributedString> bottomUp = new ArrayList<>(region);
    ScrollbackRing<AttributedString> lines = window.lines;
    long last = lines.next() - 1 - window.scrolledBack();
    for (long seq = last; seq >= lines.first() && bottomUp.size() < region; seq--) {
      List<AttributedString> wrapped = LineWrap.rows(lines.get(seq), cols);
      for (int i = wrapped.size() - 1; i >= 0 && bottomUp.size() < region; i--) {
        bottomUp.add(wrapped.get(i));
      }
      if (seq == window.markerAt() && bottomUp.size() < region) {
        bottomUp.add(new AttributedString(MARKER, markerStyle));
      }
    }
    Collections.reverse(bottomUp);
    while (bottomUp.size() < region) {
      bottomUp.add(AttributedString.EMPTY); // the first lines of a new window start at the top
    }
    return bottomUp;
  }

  /** A bar across the whole width in the style of its first character (its background). */
  static AttributedString bar(AttributedString text, int cols) {
    AttributedString cut = text.columnSubSequence(0, cols);
    AttributedStyle style = cut.length() == 0 ? AttributedStyle.INVERSE : cut.styleAt(0);
    AttributedStringBuilder line = new AttributedStringBuilder().append(cut);
    line.style(style);
    for (int i = cut.columnLength(); i < cols; i++) {
      line.append(' ');
    }
    return line.toAttributedString();
  }
}
