package udpchat.client.view.terminal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;
import udpchat.client.view.Event;
import udpchat.client.view.RosterView;
import udpchat.client.view.StatusSink;
import udpchat.client.view.View;
import udpchat.client.view.format.DayChange;
import udpchat.client.view.format.EventFormat;
import udpchat.client.view.format.Palette;
import udpchat.client.view.format.StyledFormat;
import udpchat.text.Sanitizer;

/**
 * The interactive view: a JLine line reader with editing and a history file; events are printed
 * above the prompt ({@link LineReader#printAbove}), so a half-typed line is redrawn below them,
 * intact. The user's messages on their way are listed below the prompt, in JLine's status area,
 * until each is delivered (it then appears above, in the room's order) or has failed (said above).
 *
 * <p>JLine is not thread-safe: every write to the terminal from the background threads goes through
 * {@link #show}, which serialises them. Lock order is session, then this view: code that runs
 * inside the reader (completers, widgets) must never call back into the session.
 */
public final class TerminalView implements View, StatusSink {

  private final Terminal terminal;
  private final ChatLineReader reader;
  private final StyledFormat format;
  private final StatusLine statusLine;
  private final RosterView roster;
  private final Object printLock = new Object();
  private final Queue<String> pasted = new ArrayDeque<>();

  private final EventFormat plain;
  private final DayChange dayChange;

  /** The user's messages on their way, by number: listed in the status line until settled. */
  private final Map<Long, String> sending = new TreeMap<>();

  /**
   * @param noColor the user asked for no colour ({@code --no-color} or {@code NO_COLOR}); colour is
   *     also off when the terminal has fewer than 8 colours
   * @param roster the user's name (for mentions) and the members (for completion)
   * @param commands each command with a line about it, for completion
   */
  public TerminalView(
      Path historyFile,
      ZoneId zone,
      boolean noColor,
      RosterView roster,
      Map<String, String> commands) {
    this.roster = roster;
    try {
      this.terminal =
          TerminalBuilder.builder().system(true).encoding(StandardCharsets.UTF_8).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the terminal", e);
    }
    Integer colours = terminal.getNumericCapability(Capability.max_colors);
    Palette palette = Palette.choose(noColor, colours == null ? 0 : colours);
    Clock clock = Clock.system(zone);
    this.format =
        new StyledFormat(
            clock, palette, () -> roster.members().stream().map(RosterView.Entry::name).toList());
    this.plain = new EventFormat(clock);
    this.dayChange = new DayChange(clock);
    Attributes original = terminal.getAttributes(); // before the reader makes it raw
    this.reader = new ChatLineReader(terminal, historyFile);
    reader.setCompleter(new ChatCompleter(commands, roster));
    // "/msg B" and Tab finds bob: names are unique ignoring case anyway.
    reader.option(LineReader.Option.CASE_INSENSITIVE, true);
    // No guessing: "/msg c" with nobody called c must not become "/msg bob" (a typo match).
    reader.option(LineReader.Option.COMPLETE_MATCHER_TYPO, false);
    // A "!" in a message is text, not a history reference.
    reader.option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
    // The sent line is shown again as an event, with its time, like everyone else's.
    reader.option(LineReader.Option.ERASE_LINE_ON_FINISH, true);
    this.statusLine = new StatusLine(terminal, palette);
    // Taken now, before anything is printed: growing it later would scroll a line away.
    statusLine.reserve();
    reader.onResize(statusLine::redraw);
    new Suspension(terminal, reader, statusLine, original).install();
  }

  @Override
  public void showStatus(StatusSink.Report report) {
    synchronized (printLock) {
      reader.whileLocked(() -> statusLine.show(report));
    }
  }

  @Override
  public void timeFormat(String pattern) {
    synchronized (printLock) {
      format.timeFormat(pattern);
      plain.timeFormat(pattern);
    }
  }

  @Override
  public void prompt(String prompt) {
    synchronized (printLock) {
      reader.whileLocked(
          () -> {
            reader.setPrompt(Sanitizer.clean(prompt));
            if (reader.isReading()) {
              reader.redisplay();
            }
          });
    }
  }

  @Override
  public String readLine(String prompt) {
    if (!pasted.isEmpty()) {
      return pasted.poll();
    }
    while (true) {
      try {
        return splitPaste(reader.readLine(prompt));
      } catch (UserInterruptException e) {
        // Ctrl-C clears the line, as in a shell; leaving is quit or Ctrl-D.
        show(Event.notice(Instant.now(), "(to leave, type quit or press Ctrl-D)"));
      } catch (EndOfFileException e) {
        return null;
      }
    }
  }

  /**
   * Several lines pasted at once arrive as one buffer (JLine reads a bracketed paste whole, with
   * its line ends): each line is handed out on its own, as if typed and sent one by one, rather
   * than sent as one message full of {@code ^J}.
   */
  private String splitPaste(String line) {
    String[] lines = line.split("\\R", -1);
    for (int i = 1; i < lines.length; i++) {
      pasted.add(lines[i]);
    }
    return lines[0];
  }

  @Override
  public void show(Event event) {
    synchronized (printLock) {
      String me = roster.me();
      switch (event.kind()) {
        case SENDING:
          sending.put(event.n(), plain.body(event.subject()));
          if (!statusLine.available()) {
            reader.printAbove(format.format(event, me));
          }
          reader.whileLocked(() -> statusLine.sending(sending.values()));
          return;
        case DELIVERED:
          // The message itself is shown when it arrives in the room's order.
          sending.remove(event.n());
          reader.whileLocked(() -> statusLine.sending(sending.values()));
          return;
        case FAILED:
          sending.remove(event.n());
          reader.whileLocked(() -> statusLine.sending(sending.values()));
          break;
        default:
          break;
      }
      String day = dayChange.before(event.time());
      if (day != null) {
        reader.printAbove(new AttributedString(day, format.palette().notice()));
      }
      reader.printAbove(format.format(event, me));
      if (StyledFormat.ringsBell(event, me)) {
        bell();
      }
    }
  }

  /** The terminal's bell (which may flash instead, or be silenced, as the user set it up). */
  private void bell() {
    if (!terminal.puts(Capability.bell)) {
      terminal.writer().write('\u0007');
    }
    terminal.flush();
  }

  @Override
  public void close() {
    try {
      synchronized (printLock) {
        reader.whileLocked(statusLine::close);
      }
      reader.getHistory().save();
      terminal.close();
    } catch (IOException e) {
      // Nothing to tell: the user is leaving and the terminal is going away.
    }
  }
}
