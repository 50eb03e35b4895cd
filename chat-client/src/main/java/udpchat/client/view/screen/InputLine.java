package udpchat.client.view.screen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.DefaultParser;

/**
 * The line being typed at the bottom of the screen: the text, the cursor, the lines sent before (Up
 * and Down go through them) and Tab completion. Owned by the screen's thread; every key the input
 * thread reads is applied here, so the line is never edited by two threads.
 */
final class InputLine {

  /** The lines kept for Up and Down. */
  static final int HISTORY_LINES = 500;

  private final StringBuilder text = new StringBuilder();
  private final List<String> history = new ArrayList<>();
  private final DefaultParser parser = new DefaultParser();
  private int cursor;

  /** Where Up/Down stands in the history: {@code history.size()} is the line being typed. */
  private int recalled;

  private String typing = "";

  InputLine(List<String> earlier) {
    earlier.stream().skip(Math.max(0, earlier.size() - HISTORY_LINES)).forEach(history::add);
    recalled = history.size();
  }

  String text() {
    return text.toString();
  }

  /** The cursor, as an index into {@link #text}. */
  int cursor() {
    return cursor;
  }

  void insert(String typed) {
    text.insert(cursor, typed);
    cursor += typed.length();
  }

  void backspace() {
    if (cursor > 0) {
      int before = text.offsetByCodePoints(cursor, -1);
      text.delete(before, cursor);
      cursor = before;
    }
  }

  void delete() {
    if (cursor < text.length()) {
      text.delete(cursor, text.offsetByCodePoints(cursor, 1));
    }
  }

  void left() {
    cursor = cursor > 0 ? text.offsetByCodePoints(cursor, -1) : 0;
  }

  void right() {
    cursor = cursor < text.length() ? text.offsetByCodePoints(cursor, 1) : cursor;
  }

  void home() {
    cursor = 0;
  }

  void end() {
    cursor = text.length();
  }

  /** Ctrl-U: the whole line goes. */
  void clear() {
    text.setLength(0);
    cursor = 0;
    recalled = history.size();
  }

  /** Up: the line sent before the one shown. */
  void up() {
    if (recalled > 0) {
      if (recalled == history.size()) {
        typing = text();
      }
      replace(history.get(--recalled));
    }
  }

  /** Down: back toward the line being typed. */
  void down() {
    if (recalled < history.size()) {
      recalled++;
      replace(recalled == history.size() ? typing : history.get(recalled));
    }
  }

  /** Enter: the line, kept in the history (unless blank or the same as the last), and cleared. */
  String submit() {
    String line = text();
    if (!line.isBlank() && (history.isEmpty() || !history.get(history.size() - 1).equals(line))) {
      history.add(line);
      if (history.size() > HISTORY_LINES) {
        history.remove(0);
      }
    }
    clear();
    typing = "";
    return line;
  }

  /**
   * Tab: the word before the cursor completed from {@code completer}'s candidates that start with
   * it (ignoring case): the one, with a space after it; or as far as all of them agree. No guess:
   * with no candidate, nothing changes.
   */
  void complete(Completer completer) {
    ParsedLine parsed = parser.parse(text.substring(0, cursor), cursor, ParseContext.COMPLETE);
    List<Candidate> candidates = new ArrayList<>();
    completer.complete(null, parsed, candidates);
    String word = parsed.word().substring(0, parsed.wordCursor());
    String prefix = word.toLowerCase(Locale.ROOT);
    List<Candidate> matching =
        candidates.stream()
            .filter(c -> c.value().toLowerCase(Locale.ROOT).startsWith(prefix))
            .toList();
    if (matching.isEmpty()) {
      return;
    }
    String completed = matching.get(0).value();
    for (Candidate other : matching) {
      completed = common(completed, other.value());
    }
    if (matching.stream().map(Candidate::value).distinct().count() == 1
        && matching.get(0).complete()) {
      completed += " ";
    }
    if (completed.length() >= word.length()) {
      text.replace(cursor - word.length(), cursor, completed);
      cursor += completed.length() - word.length();
    }
  }

  private static String common(String a, String b) {
    int n = 0;
    while (n < a.length()
        && n < b.length()
        && Character.toLowerCase(a.charAt(n)) == Character.toLowerCase(b.charAt(n))) {
      n++;
    }
    return a.substring(0, n);
  }

  private void replace(String line) {
    text.setLength(0);
    text.append(line);
    cursor = text.length();
  }
}
