package udpchat.client.view.screen;

import java.io.IOException;
import java.util.function.BiConsumer;
import org.jline.keymap.BindingReader;
import org.jline.keymap.KeyMap;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.Display;
import org.jline.utils.InfoCmp.Capability;

/**
 * The terminal as the full-screen view uses it: the alternate screen (so the shell's screen comes
 * back unchanged on leaving and on Ctrl-Z), raw keys, bracketed paste, and JLine's {@link Display}
 * drawing each {@link Screen} frame as a diff of the last. Every method but {@link #readKeys} is
 * called on the screen's thread only, so writes never interleave.
 */
final class TerminalScreen {

  private static final String PASTE_ON = "\u001b[?2004h";
  private static final String PASTE_OFF = "\u001b[?2004l";

  private final Terminal terminal;
  private final Screen screen;
  private final Attributes original;
  private final Display display;
  private Size size;
  private boolean inside;

  TerminalScreen(Terminal terminal, Screen screen) {
    this.terminal = terminal;
    this.screen = screen;
    this.original = terminal.getAttributes();
    this.display = new Display(terminal, true);
  }

  /** Takes the terminal: raw keys, the alternate screen, the keypad's keys, bracketed paste. */
  void enter() {
    terminal.enterRawMode();
    terminal.puts(Capability.enter_ca_mode);
    terminal.puts(Capability.keypad_xmit);
    terminal.writer().write(PASTE_ON);
    terminal.flush();
    inside = true;
    size = null; // whatever is on the screen now is not what the display remembers
  }

  /** Gives the terminal back as it was found: the shell's screen, its modes. */
  void leave() {
    if (!inside) {
      return;
    }
    inside = false;
    terminal.writer().write(PASTE_OFF);
    terminal.puts(Capability.keypad_local);
    terminal.puts(Capability.exit_ca_mode);
    terminal.flush();
    terminal.setAttributes(original);
  }

  /** Draws the frame of the screen as it is, at the terminal's size as it is now. */
  void draw() {
    if (!inside) {
      return;
    }
    Size now = terminal.getSize();
    if (now.getRows() <= 0 || now.getColumns() <= 0) {
      now = new Size(80, 24); // a terminal that does not say: the classic size
    }
    if (!now.equals(size)) {
      size = now;
      display.resize(now.getRows(), now.getColumns());
      display.clear(); // all of it again, from the client's own buffers
    }
    ScreenLayout.Frame frame = screen.frame(size.getRows(), size.getColumns());
    display.update(frame.rows(), size.cursorPos(frame.cursorRow(), frame.cursorColumn()));
    terminal.flush();
  }

  /** SIGWINCH: the next draw sees the new size and draws everything again. */
  void resized() {
    size = null;
  }

  /** Ctrl-L: everything drawn afresh at the next draw. */
  void redraw() {
    size = null;
  }

  /**
   * Ctrl-Z: gives the terminal back, then stops the process as the default SIGTSTP would; on {@code
   * fg} takes it again (the next draw draws it all, at the size it has now).
   */
  void suspend() {
    leave();
    try {
      // SIGSTOP cannot be caught: this stops the process; waitFor returns once it runs again.
      new ProcessBuilder("kill", "-STOP", String.valueOf(ProcessHandle.current().pid()))
          .inheritIO()
          .start()
          .waitFor();
    } catch (IOException e) {
      // could not stop: carry on as if never asked
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    enter();
  }

  /**
   * SIGCONT: stopped by someone else, or the shell changed the modes; all taken and drawn again.
   */
  void continued() {
    if (inside) {
      enter();
    }
  }

  /** The rows a page of the window has: what PageUp and PageDown move by. */
  int pageRows() {
    return size == null ? 1 : Math.max(1, size.getRows() - ScreenLayout.BARS);
  }

  /** The terminal's bell (which may flash instead, or be silenced, as the user set it up). */
  void bell() {
    if (!terminal.puts(Capability.bell)) {
      terminal.writer().write('\u0007');
    }
    terminal.flush();
  }

  /**
   * On the keys' thread: reads keys until the terminal ends, handing each with its text (the typed
   * characters, or a paste's whole text) to {@code onKey}.
   */
  void readKeys(BiConsumer<Keys.Key, String> onKey) {
    BindingReader in = new BindingReader(terminal.reader());
    KeyMap<Keys.Key> map = Keys.map(terminal);
    while (true) {
      Keys.Key key = in.readBinding(map);
      if (key == null) {
        return; // end of input
      }
      String text =
          key.action() == Keys.Action.PASTE
              ? in.readStringUntil(Keys.PASTE_END)
              : in.getLastBinding();
      onKey.accept(key, text == null ? "" : text);
    }
  }

  void close() {
    leave();
    try {
      terminal.close();
    } catch (IOException e) {
      // Nothing to tell: the user is leaving and the terminal is going away.
    }
  }
}
