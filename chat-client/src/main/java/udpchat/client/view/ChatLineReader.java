package udpchat.client.view;

import java.nio.file.Path;
import java.util.Map;
import org.jline.reader.LineReader;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;

/**
 * JLine's line reader, with a way to draw outside it under its own lock: the status line is drawn
 * from the heartbeat thread while the reader may be redrawing the prompt on the input thread, and
 * two writers moving the cursor at once would garble the screen. {@link LineReader#printAbove}
 * takes the same lock.
 */
final class ChatLineReader extends LineReaderImpl {

  ChatLineReader(Terminal terminal, Path historyFile) {
    super(terminal, "udpchat", Map.of(LineReader.HISTORY_FILE, historyFile));
    setHistory(new DefaultHistory()); // what LineReaderBuilder does; it reads the file
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
