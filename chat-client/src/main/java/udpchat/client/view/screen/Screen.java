package udpchat.client.view.screen;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.TreeMap;
import org.jline.reader.Completer;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import udpchat.client.view.Event;
import udpchat.client.view.RosterView;
import udpchat.client.view.StatusSink.Report;
import udpchat.client.view.format.DayChange;
import udpchat.client.view.format.EventFormat;
import udpchat.client.view.format.Palette;
import udpchat.client.view.format.StyledFormat;
import udpchat.text.Sanitizer;

/**
 * Everything the full-screen view shows, as state: the windows and their lines, the line being
 * typed, the status report, the messages on their way, and the frame all that makes at a size.
 * Touches no terminal, so a test drives it with events and keys and reads the frame.
 *
 * <p>Not thread-safe: the screen's thread owns it ({@link FullScreenView}).
 */
final class Screen {

  private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

  final WindowList windows;
  final InputLine input;
  private final Clock clock;
  private final Palette palette;
  private final StyledFormat format;
  private final EventFormat plain;
  private final DayChange dayChange;
  private final RosterView roster;
  private final Completer completer;
  private final Map<Long, String> sending = new TreeMap<>();
  private boolean roomNamed;
  private Report report;
  private String prompt = "";

  Screen(
      Clock clock,
      Palette palette,
      RosterView roster,
      Completer completer,
      InputLine input,
      String room,
      int scrollback) {
    this.clock = clock;
    this.palette = palette;
    this.roster = roster;
    this.completer = completer;
    this.input = input;
    this.format =
        new StyledFormat(
            clock, palette, () -> roster.members().stream().map(RosterView.Entry::name).toList());
    this.plain = new EventFormat(clock);
    this.dayChange = new DayChange(clock);
    this.roomNamed = room != null;
    this.windows = new WindowList(room == null ? "room" : room, scrollback);
  }

  /**
   * Puts {@code event} in its window (a private message opens its conversation's, not shown);
   * whether it asks for the bell.
   */
  boolean show(Event event) {
    String me = roster.me();
    switch (event.kind()) {
      case SENDING -> {
        sending.put(event.n(), plain.body(event.subject()));
        return false;
      }
      case DELIVERED -> {
        sending.remove(event.n()); // the message itself comes in the room's order
        return false;
      }
      case FAILED -> sending.remove(event.n());
      default -> {}
    }
    Window window = windows.windowFor(event);
    String day = dayChange.before(event.time());
    if (day != null) {
      windows.add(window, new AttributedString(day, palette.notice()), Activity.EVENT);
    }
    windows.add(window, format.format(event, me), Activity.of(event, me));
    return StyledFormat.ringsBell(event, me);
  }

  /** The time of the lines shown from now on: see {@code EventFormat#timeFormat}. */
  void timeFormat(String pattern) {
    format.timeFormat(pattern);
    plain.timeFormat(pattern);
  }

  /** A line of the view's own (a window command's answer) in the window shown. */
  void say(Event event) {
    windows.add(windows.current(), format.format(event, roster.me()), Activity.EVENT);
  }

  void status(Report report) {
    this.report = report;
    if (!roomNamed && report != null) {
      windows.room().rename(report.address()); // no room name known: the server's address
    }
  }

  void prompt(String prompt) {
    this.prompt = Sanitizer.clean(prompt);
  }

  void complete() {
    input.complete(completer);
  }

  /** The whole screen at {@code height} rows by {@code width} columns. */
  ScreenLayout.Frame frame(int height, int width) {
    AttributedStyle bar = palette.status();
    String typed = input.text();
    String shownPrefix = clean(typed.substring(0, input.cursor()));
    AttributedString line =
        new AttributedStringBuilder().append(prompt).append(clean(typed)).toAttributedString();
    int cursor = new AttributedString(prompt + shownPrefix).columnLength();
    return ScreenLayout.layout(
        height,
        width,
        title(bar),
        windows.current(),
        palette.notice(),
        statusBar(bar),
        line,
        cursor);
  }

  /** Text typed or pasted, as it can be shown on one row: no control codes, line ends marked. */
  private static String clean(String typed) {
    return Sanitizer.clean(typed.replace('\n', '\u21b5').replace('\r', '\u21b5'))
        .replace('\t', ' ');
  }

  private AttributedString title(AttributedStyle bar) {
    Window window = windows.current();
    String text =
        switch (window.kind) {
          case STATUS ->
              " udpchat: server notices, errors, keys"
                  + (report == null ? "" : " (" + report.address() + ")");
          case ROOM ->
              " "
                  + Sanitizer.clean(window.name())
                  + (report == null ? "" : " | " + report.online() + " online");
          case QUERY -> " private conversation with " + Sanitizer.clean(window.name());
        };
    return detab(new AttributedString(text, bar));
  }

  private AttributedString statusBar(AttributedStyle bar) {
    Window window = windows.current();
    AttributedStringBuilder line = new AttributedStringBuilder();
    String me = roster.me() == null ? "-" : roster.me();
    line.styled(
        bar,
        " ["
            + HOURS_MINUTES.format(clock.instant().atZone(clock.getZone()))
            + "] ["
            + me
            + "] ["
            + windows.currentNumber()
            + ":"
            + Sanitizer.clean(window.name())
            + "] ");
    AttributedString activity = ActivityList.render(windows, palette, bar);
    if (activity.length() > 0) {
      line.append(activity).styled(bar, " ");
    }
    if (window.scrolledBack() > 0) {
      line.styled(bar, "-- more (" + window.scrolledBack() + " below) -- ");
    }
    if (report != null) {
      String rtt =
          report.rttMs() < 0 ? "-" : report.rttMs() == 0 ? "<1 ms" : report.rttMs() + " ms";
      line.styled(
          bar,
          "| "
              + report.connection()
              + " | rtt "
              + rtt
              + (report.remark() == null ? "" : " | " + Sanitizer.clean(report.remark()))
              + " ");
    }
    if (!sending.isEmpty()) {
      line.styled(
          bar, "| sending " + sending.size() + ": " + sending.values().iterator().next() + " ");
    }
    return detab(line.toAttributedString());
  }

  /** A tab would move the cursor past what the layout counted: shown as a space. */
  private static AttributedString detab(AttributedString text) {
    if (text.toString().indexOf('\t') < 0) {
      return text;
    }
    AttributedStringBuilder out = new AttributedStringBuilder();
    for (int i = 0; i < text.length(); i++) {
      out.style(text.styleAt(i)).append(text.charAt(i) == '\t' ? ' ' : text.charAt(i));
    }
    return out.toAttributedString();
  }
}
