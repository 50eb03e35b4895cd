package udpchat.client.view.screen;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.WCWidth;

/**
 * Cuts a shown line into rows of the screen's width as irssi does: at the last space that fits, and
 * each row after the first indented to where the text starts (past the time and the sender), so a
 * long message reads as one block beside its time. A word longer than a row is cut where the row
 * ends. Widths are terminal columns (a wide character takes two).
 */
final class LineWrap {

  /** A row narrower than this beside the indent gets no indent at all. */
  static final int LEAST_TEXT_COLUMNS = 20;

  private LineWrap() {}

  /** {@code line} as rows of at most {@code cols} columns (one row when it fits). */
  static List<AttributedString> rows(AttributedString line, int cols) {
    if (line.columnLength() <= cols) {
      return List.of(line);
    }
    int textAt = textStart(line);
    int indent = indentFor(line, textAt, cols);
    List<AttributedString> rows = new ArrayList<>();
    int start = 0;
    while (start < line.length()) {
      int width = rows.isEmpty() ? cols : cols - indent;
      // The first row is never cut before its text: the time and sender keep a word beside them.
      int end = end(line, start, width, rows.isEmpty() ? textAt : start);
      AttributedString piece = line.subSequence(start, end);
      rows.add(
          rows.isEmpty()
              ? piece
              : new AttributedStringBuilder()
                  .append(" ".repeat(indent))
                  .append(piece)
                  .toAttributedString());
      start = end;
      while (start < line.length() && line.charAt(start) == ' ') {
        start++; // a row does not start with the spaces it was cut at
      }
    }
    return rows;
  }

  /**
   * Where the row that starts at {@code start} ends: after its last space past {@code notBefore},
   * or where it is full.
   */
  private static int end(AttributedString line, int start, int width, int notBefore) {
    int columns = 0;
    int i = start;
    int afterSpace = -1;
    while (i < line.length()) {
      int codePoint = Character.codePointAt(line, i);
      int w = Math.max(0, WCWidth.wcwidth(codePoint));
      if (columns + w > width) {
        break;
      }
      columns += w;
      i += Character.charCount(codePoint);
      if (codePoint == ' ') {
        afterSpace = i;
      }
    }
    if (i >= line.length()) {
      return i;
    }
    if (afterSpace > notBefore) {
      return afterSpace;
    }
    // No space to cut at: cut the word, and take at least one character, even one too wide.
    return i > start ? i : start + Character.charCount(Character.codePointAt(line, start));
  }

  /** Where the text starts: past the first two words (the time, then the sender). */
  private static int textStart(AttributedString line) {
    int i = 0;
    for (int word = 0; word < 2; word++) {
      while (i < line.length() && line.charAt(i) != ' ') {
        i++;
      }
      while (i < line.length() && line.charAt(i) == ' ') {
        i++;
      }
    }
    return i;
  }

  /** The later rows' indent: the text's column, unless that leaves them too narrow. */
  private static int indentFor(AttributedString line, int textAt, int cols) {
    if (textAt >= line.length()) {
      return 0;
    }
    int column = line.subSequence(0, textAt).columnLength();
    return cols - column >= LEAST_TEXT_COLUMNS ? column : 0;
  }
}
