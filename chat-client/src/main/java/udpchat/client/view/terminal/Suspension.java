package udpchat.client.view.terminal;

import java.io.IOException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.Terminal.Signal;

/**
 * Ctrl-Z done right: JLine leaves SIGTSTP to the default, which stops the process with the terminal
 * in raw mode and the status line's scroll region still set, so the shell prints into a region that
 * ends above a stale status line. Here the suspend first gives the terminal back as the shell left
 * it (status line removed, cursor on a fresh line below the prompt, the original modes), then stops
 * the process; {@code fg} (SIGCONT) is handled by the {@link ChatLineReader}, which takes the
 * terminal back and draws the status line again.
 */
final class Suspension {

  private final Terminal terminal;
  private final ChatLineReader reader;
  private final StatusLine statusLine;
  private final Attributes original;

  /** {@code original}: the terminal's modes before the reader first made it raw. */
  Suspension(Terminal terminal, ChatLineReader reader, StatusLine statusLine, Attributes original) {
    this.terminal = terminal;
    this.reader = reader;
    this.statusLine = statusLine;
    this.original = original;
  }

  /** Handles SIGTSTP from now on, and SIGCONT through the reader. */
  void install() {
    terminal.handle(Signal.TSTP, signal -> suspend());
    reader.onContinue(statusLine::restore);
  }

  private void suspend() {
    reader.whileLocked(
        () -> {
          statusLine.suspend();
          terminal.writer().write("\r\n"); // below the prompt: the shell's "Stopped" goes there
          terminal.flush();
          terminal.setAttributes(original);
        });
    try {
      // SIGSTOP cannot be caught, so this stops the process as the default SIGTSTP would.
      new ProcessBuilder("kill", "-STOP", String.valueOf(ProcessHandle.current().pid()))
          .inheritIO()
          .start()
          .waitFor();
    } catch (IOException e) {
      reader.whileLocked(statusLine::restore); // could not stop: carry on as if never asked
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
