package udpchat.client.view.terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import udpchat.client.view.Event;
import udpchat.client.view.View;
import udpchat.client.view.format.DayChange;
import udpchat.client.view.format.EventFormat;

/**
 * The view for scripts and tests: one command or message per input line, one event per output line,
 * no terminal control codes. Always UTF-8, whatever the locale says.
 */
public final class PlainView implements View {

  private final BufferedReader in;
  private final PrintStream out;
  private final EventFormat format;
  private final DayChange dayChange;

  public PlainView(InputStream in, OutputStream out, EventFormat format) {
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.out = new PrintStream(out, true, StandardCharsets.UTF_8);
    this.format = format;
    this.dayChange = new DayChange(format.clock());
  }

  @Override
  public String readLine(String prompt) {
    try {
      return in.readLine(); // no prompt: the output is events only
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void show(Event event) {
    // Synchronized: the day line and the line it heads stay together.
    String day = dayChange.before(event.time());
    if (day != null) {
      out.println(day);
    }
    out.println(format.format(event));
  }

  @Override
  public synchronized void timeFormat(String pattern) {
    format.timeFormat(pattern);
  }

  @Override
  public void close() {
    out.flush();
  }
}
