package udpchat.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import udpchat.client.view.Event;
import udpchat.client.view.View;

/** A view for tests: input lines come from {@link #type}, shown events are kept in order. */
public final class ScriptedView implements View {

  private static final String END = new String("end of input"); // compared by identity

  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  public final List<Event> events = new CopyOnWriteArrayList<>();

  /** Each time format the view was told to show, in order ({@code /set time_format}). */
  public final List<String> timeFormats = new CopyOnWriteArrayList<>();

  /** How long each line takes to draw: a slow terminal (zero: at once). */
  private final long drawMs;

  public ScriptedView() {
    this(Duration.ZERO);
  }

  /** A terminal that takes {@code drawTime} to draw each line (a slow link, a paused pane). */
  public ScriptedView(Duration drawTime) {
    this.drawMs = drawTime.toMillis();
  }

  void type(String line) {
    lines.add(line);
  }

  /** Ends the input, as Ctrl-D does. */
  void end() {
    lines.add(END);
  }

  @Override
  public String readLine(String prompt) {
    try {
      String line = lines.take();
      return line == END ? null : line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public void show(Event event) {
    if (drawMs > 0) {
      try {
        Thread.sleep(drawMs);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    events.add(event);
  }

  @Override
  public void timeFormat(String pattern) {
    timeFormats.add(pattern);
  }

  @Override
  public void close() {}
}
