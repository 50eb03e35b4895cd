package udpchat.client.view.screen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.InfoCmp.Capability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.client.view.Event;
import udpchat.client.view.RosterView;
import udpchat.client.view.StatusSink;
import udpchat.client.view.View;
import udpchat.client.view.format.Palette;
import udpchat.client.view.terminal.ChatCompleter;

/**
 * The full-screen view, irssi style: numbered windows (status, the room, private conversations), a
 * title bar, the shown window's lines, a status bar with the activity list, and the input line.
 *
 * <p>One thread owns the screen ({@code udpchat-screen}): it holds the windows, the typed line and
 * the status, and it alone writes to the terminal (through JLine's {@code Display}, which redraws
 * only what changed). Everyone else hands it work through one bounded queue: the session's events
 * ({@link #show}, {@link #showStatus}), the keys read by {@code udpchat-keys}, and the terminal's
 * signals (resize, Ctrl-Z, fg, Ctrl-C). The screen takes no lock of its own: none is held across a
 * write. The main thread's {@link #readLine} takes the lines the screen's thread hands back.
 */
public final class FullScreenView implements View, StatusSink {

  private static final Logger log = LoggerFactory.getLogger(FullScreenView.class);

  /** Work waiting for the screen's thread: minutes of a busy room. */
  static final int QUEUE = 10_000;

  /** Stands for the end of input in the queue of typed lines (compared by identity). */
  private static final String END = new String("end of input");

  private final TerminalScreen terminal;
  private final Screen screen;
  private final ScreenControl control;
  private final DefaultHistory history;
  private final BlockingQueue<Runnable> work = new ArrayBlockingQueue<>(QUEUE);
  private final BlockingQueue<String> typed = new ArrayBlockingQueue<>(1000);
  private final AtomicLong dropped = new AtomicLong();
  private final Thread owner;
  private final Thread keys;
  private final Clock clock;
  private volatile boolean running = true;

  /**
   * @param room the room's name, or {@code null} to name its window by the server's address
   * @param commands each command with a line about it, for completion
   */
  public FullScreenView(
      Path historyFile,
      Clock clock,
      boolean noColor,
      RosterView roster,
      Map<String, String> commands,
      String room) {
    this.clock = clock;
    Terminal system;
    try {
      system = TerminalBuilder.builder().system(true).encoding(StandardCharsets.UTF_8).build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the terminal", e);
    }
    Integer colours = system.getNumericCapability(Capability.max_colors);
    Palette palette = Palette.choose(noColor, colours == null ? 0 : colours);
    LineReader historyOwner =
        LineReaderBuilder.builder()
            .terminal(system)
            .variable(LineReader.HISTORY_FILE, historyFile)
            .build();
    this.history = new DefaultHistory(historyOwner); // reads the file: Up recalls earlier runs
    List<String> earlier = new ArrayList<>();
    history.forEach(entry -> earlier.add(entry.line()));
    this.screen =
        new Screen(
            clock,
            palette,
            roster,
            new ChatCompleter(commands, roster),
            new InputLine(earlier),
            room,
            Window.SCROLLBACK_LINES);
    this.control = new ScreenControl(screen, this::handBack, clock);
    this.terminal = new TerminalScreen(system, screen);
    this.owner = new Thread(this::own, "udpchat-screen");
    this.keys = new Thread(this::readKeys, "udpchat-keys");
    keys.setDaemon(true); // blocked in a read until the terminal closes
    system.handle(Signal.WINCH, signal -> later(terminal::resized));
    system.handle(Signal.CONT, signal -> later(terminal::continued));
    system.handle(Signal.TSTP, signal -> later(terminal::suspend));
    system.handle(Signal.INT, signal -> later(control::onInterrupt));
    terminal.enter();
    owner.start();
    keys.start();
  }

  @Override
  public String readLine(String prompt) {
    later(() -> screen.prompt(prompt));
    try {
      String line = typed.take();
      return line == END ? null : line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public void show(Event event) {
    later(
        () -> {
          if (screen.show(event)) {
            terminal.bell();
          }
        });
  }

  @Override
  public void prompt(String prompt) {
    later(() -> screen.prompt(prompt));
  }

  @Override
  public void timeFormat(String pattern) {
    later(() -> screen.timeFormat(pattern));
  }

  @Override
  public void showStatus(Report report) {
    later(() -> screen.status(report));
  }

  /** Work for the screen's thread; dropped and counted when that far behind. */
  private void later(Runnable task) {
    if (!work.offer(task)) {
      dropped.incrementAndGet();
    }
  }

  /** On the screen's thread: a line for the main thread's {@link #readLine}, or the end. */
  private void handBack(String line) {
    if (line != null && !line.isBlank()) {
      history.add(line);
    }
    if (!typed.offer(line == null ? END : line)) {
      screen.say(Event.error(clock.instant(), "not sent: too many lines waiting"));
    }
  }

  /** The screen's thread: runs what is handed to it, then draws once for all of it. */
  private void own() {
    long said = 0;
    while (running || !work.isEmpty()) {
      try {
        Runnable task = work.poll(1, TimeUnit.SECONDS); // at least once a second: the clock
        for (int n = 0; task != null && n < 1000; n++) {
          task.run();
          task = work.poll();
        }
        if (task != null) {
          task.run();
        }
        long lost = dropped.get();
        if (lost > said) {
          said = lost;
          screen.say(
              Event.error(clock.instant(), lost + " line(s) not shown: the screen fell behind"));
        }
        terminal.draw();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      } catch (RuntimeException e) {
        log.warn("the screen's thread failed on one task; carrying on", e);
      }
    }
    terminal.leave();
  }

  /** The keys' thread: reads key by key and hands each to the screen's thread. */
  private void readKeys() {
    try {
      terminal.readKeys(
          (key, text) -> {
            try {
              work.put(
                  () -> {
                    control.onKey(key, text, terminal.pageRows());
                    if (key.action() == Keys.Action.REDRAW) {
                      terminal.redraw();
                    }
                  });
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
    } catch (RuntimeException | java.io.IOError e) {
      log.warn("reading the keyboard failed; input ends", e); // JLine wraps a read's IOException
    }
    later(() -> handBack(null)); // end of input: the terminal went away
  }

  /** Lines lost because the screen's thread was that far behind. */
  public long dropped() {
    return dropped.get();
  }

  /** Draws what is queued, gives the terminal back as it was, and saves the line history. */
  @Override
  public void close() {
    running = false;
    try {
      owner.join(3000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      history.save();
    } catch (IOException e) {
      log.warn("cannot save the line history", e);
    }
    terminal.close();
  }
}
