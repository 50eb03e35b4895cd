package udpchat.client.view;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive view: a JLine line reader with editing and a history file; events are printed
 * above the prompt ({@link LineReader#printAbove}), so a half-typed line is redrawn below them,
 * intact.
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
      reader.printAbove(format.format(event));
    }
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
