package udpchat.client.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Status;

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
public final class TerminalView implements View {

  private final Terminal terminal;
  private final LineReader reader;
  private final EventFormat format;
  private final Object printLock = new Object();

  /** At most this many messages on their way are listed; the rest are counted. */
  static final int STATUS_LINES = 3;

  private final Status status;
  private final Map<Long, String> sending = new TreeMap<>();

  public TerminalView(Path historyFile, EventFormat format) {
    this.format = format;
    try {
      this.terminal =
          TerminalBuilder.builder().system(true).encoding(StandardCharsets.UTF_8).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the terminal", e);
    }
    this.reader =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("udpchat")
            .variable(LineReader.HISTORY_FILE, historyFile)
            // A "!" in a message is text, not a history reference.
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            // The sent line is shown again as an event, with its time, like everyone else's.
            .option(LineReader.Option.ERASE_LINE_ON_FINISH, true)
            .build();
    this.status = Status.getStatus(terminal); // null on a terminal without the capabilities
  }

  @Override
  public String readLine(String prompt) {
    while (true) {
      try {
        return reader.readLine(prompt);
      } catch (UserInterruptException e) {
        // Ctrl-C clears the line, as in a shell; leaving is quit or Ctrl-D.
        show(Event.notice(Instant.now(), "(to leave, type quit or press Ctrl-D)"));
      } catch (EndOfFileException e) {
        return null;
      }
    }
  }

  @Override
  public void show(Event event) {
    synchronized (printLock) {
      switch (event.kind()) {
        case SENDING:
          sending.put(event.n(), format.body(event));
          if (status == null) {
            reader.printAbove(format.format(event));
          }
          updateStatus();
          break;
        case DELIVERED:
          // The message itself is shown when it arrives in the room's order.
          sending.remove(event.n());
          updateStatus();
          break;
        case FAILED:
          sending.remove(event.n());
          updateStatus();
          reader.printAbove(format.format(event));
          break;
        default:
          reader.printAbove(format.format(event));
      }
    }
  }

  private void updateStatus() {
    if (status == null) {
      return;
    }
    List<AttributedString> lines = new ArrayList<>();
    AttributedStyle faint = AttributedStyle.DEFAULT.faint();
    sending.values().stream()
        .limit(STATUS_LINES)
        .forEach(line -> lines.add(new AttributedString(line, faint)));
    if (sending.size() > STATUS_LINES) {
      lines.add(
          new AttributedString(
              ".. and " + (sending.size() - STATUS_LINES) + " more on their way", faint));
    }
    status.update(lines);
  }

  @Override
  public void close() {
    try {
      reader.getHistory().save();
      terminal.close();
    } catch (IOException e) {
      // Nothing to tell: the user is leaving and the terminal is going away.
    }
  }
}
