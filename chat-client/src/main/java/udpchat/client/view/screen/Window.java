package udpchat.client.view.screen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.utils.AttributedString;

/**
 * One window of the full-screen view: its kind and name, its scrollback, how much happened in it
 * unseen, where the unread lines start, and how far it is scrolled back.
 *
 * <p>Not thread-safe: owned by the screen's thread, like every window.
 */
final class Window {

  /**
   * What a window shows. A channel window, when the server has channels, is one more kind: routed
   * to by the event's channel, closable by {@code /part}, drawn like the room's.
   */
  enum Kind {
    /** Server notices, errors, keys: window 1, never closed. */
    STATUS,
    /** The server's one room: window 2, never closed. */
    ROOM,
    /** A private conversation with one member ({@code /query NAME}). */
    QUERY
  }

  /** The lines each window keeps: thousands, a few megabytes at most per window. */
  static final int SCROLLBACK_LINES = 5000;

  final Kind kind;
  private String name;
  final ScrollbackRing<AttributedString> lines;
  private Activity activity = Activity.NONE;

  /** The sequence of the first line not yet seen when the user last left this window. */
  private long seenUpTo;

  /** Where the marker line goes while the window is shown: before this line, or -1. */
  private long markerAt = -1;

  /** How many of the newest lines are below the screen (scrolled back), 0 at the bottom. */
  private long scrolledBack;

  Window(Kind kind, String name, int capacity) {
    this.kind = kind;
    this.name = name;
    this.lines = new ScrollbackRing<>(capacity);
  }

  String name() {
    return name;
  }

  void rename(String name) {
    this.name = name;
  }

  boolean closable() {
    return kind == Kind.QUERY;
  }

  Activity activity() {
    return activity;
  }

  long markerAt() {
    return markerAt;
  }

  long scrolledBack() {
    return scrolledBack;
  }

  /** Adds a line; {@code level}: the activity it counts for when the window is not shown. */
  void add(AttributedString line, Activity level, boolean shown) {
    lines.add(line);
    if (!shown) {
      activity = activity.max(level);
    } else if (scrolledBack > 0) {
      scrolledBack++; // reading older lines: the new one must not move them
    }
    scrolledBack = Math.min(scrolledBack, lines.size() - 1L);
  }

  /** The user turns to this window: its activity is seen; unread lines get the marker above. */
  void enter() {
    activity = Activity.NONE;
    markerAt = seenUpTo > lines.first() && seenUpTo < lines.next() ? seenUpTo : -1;
  }

  /** The user turns away: what is here now counts as seen. */
  void leave() {
    seenUpTo = lines.next();
    markerAt = -1;
  }

  /** {@code /clear}: no line is kept, nothing is unread, and the view is at the bottom. */
  void clear() {
    lines.clear();
    scrolledBack = 0;
    markerAt = -1;
  }

  /** The kept lines whose text contains {@code word}, ignoring case, oldest first. */
  List<AttributedString> linesWith(String word) {
    String wanted = word.toLowerCase(Locale.ROOT);
    List<AttributedString> found = new ArrayList<>();
    for (long seq = lines.first(); seq < lines.next(); seq++) {
      if (lines.get(seq).toString().toLowerCase(Locale.ROOT).contains(wanted)) {
        found.add(lines.get(seq));
      }
    }
    return found;
  }

  /** Scrolls back ({@code count} > 0) or forward by lines, within what is kept. */
  void scroll(long count) {
    scrolledBack = Math.max(0, Math.min(scrolledBack + count, lines.size() - 1L));
  }
}
