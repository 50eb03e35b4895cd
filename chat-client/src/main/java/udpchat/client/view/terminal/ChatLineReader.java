package udpchat.client.view.terminal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jline.reader.LineReader;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;

/**
 * JLine's line reader, with a way to draw outside it under its own lock: the status line is drawn
 * from the heartbeat thread while the reader may be redrawing the prompt on the input thread, and
 * two writers moving the cursor at once would garble the screen. {@link LineReader#printAbove}
 * takes the same lock.
 */
final class ChatLineReader extends LineReaderImpl {

  private Runnable onResize = () -> {};
  private Runnable onContinue = () -> {};

  ChatLineReader(Terminal terminal, Path historyFile) {
    // A map of our own: the reader keeps it and setVariable writes into it.
    super(terminal, "udpchat", new HashMap<>(Map.of(LineReader.HISTORY_FILE, historyFile)));
    setHistory(new DefaultHistory()); // what LineReaderBuilder does; it reads the file
  }

  /** Called after the reader has handled a resize, with its lock held. */
  void onResize(Runnable task) {
    this.onResize = task;
  }

  /** Called after the reader has taken the terminal back on SIGCONT ({@code fg}), lock held. */
  void onContinue(Runnable task) {
    this.onContinue = task;
  }

  /**
   * JLine handles a resize (SIGWINCH) on the signal's thread without the lock that {@link
   * #printAbove} and the status line take, so a message or a status update arriving at that moment
   * could interleave with the redraw and garble the prompt; and it resets the status line's scroll
   * region, which is set again here.
   */
  @Override
  protected void handleSignal(Signal signal) {
    lock.lock();
    try {
      super.handleSignal(signal);
      if (signal == Signal.WINCH || signal == Signal.CONT) {
        // After fg the size may have changed while stopped, and the status line was taken away.
        (signal == Signal.WINCH ? onResize : onContinue).run();
        if (isReading()) {
          if (signal == Signal.CONT) {
            // What the screen showed while stopped is not what the display remembers (the shell
            // wrote there, the size changed): draw the prompt and its line afresh, not a diff.
            callWidget(LineReader.REDRAW_LINE);
          }
          redisplay();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code task} with the reader's lock held. */
  void whileLocked(Runnable task) {
    lock.lock();
    try {
      task.run();
    } finally {
      lock.unlock();
    }
  }
}
