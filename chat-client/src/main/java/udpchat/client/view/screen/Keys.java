package udpchat.client.view.screen;

import static org.jline.keymap.KeyMap.alt;
import static org.jline.keymap.KeyMap.ctrl;
import static org.jline.keymap.KeyMap.del;
import static org.jline.keymap.KeyMap.key;

import org.jline.keymap.KeyMap;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * The keys of the full-screen view and what each does, irssi's where irssi has one: Alt-1..9 and
 * Alt-0 (window 10), Alt-Left/Right and Ctrl-P/Ctrl-N between windows, PageUp/PageDown through the
 * scrollback, and the usual line editing.
 */
final class Keys {

  /** What a key asks for; {@code window} is the number for {@link Action#WINDOW}. */
  record Key(Action action, int window) {
    static Key of(Action action) {
      return new Key(action, 0);
    }
  }

  enum Action {
    /** A character to type: the key's own text. */
    INSERT,
    ENTER,
    BACKSPACE,
    DELETE,
    LEFT,
    RIGHT,
    HOME,
    END,
    UP,
    DOWN,
    TAB,
    /** Ctrl-U. */
    CLEAR_LINE,
    /** Ctrl-D: leaves when the line is empty, as in a shell. */
    END_OF_INPUT,
    /** Ctrl-L: the whole screen drawn afresh. */
    REDRAW,
    WINDOW,
    NEXT_WINDOW,
    PREVIOUS_WINDOW,
    PAGE_UP,
    PAGE_DOWN,
    /** The start of a bracketed paste: its text follows, up to the end mark. */
    PASTE
  }

  /** What ends a bracketed paste. */
  static final String PASTE_END = "\u001b[201~";

  private Keys() {}

  static KeyMap<Key> map(Terminal terminal) {
    KeyMap<Key> keys = new KeyMap<>();
    keys.setUnicode(Key.of(Action.INSERT));
    keys.setNomatch(Key.of(Action.INSERT));
    keys.setAmbiguousTimeout(100); // a lone Esc, or Esc then a key: told apart by this gap
    for (char c = 32; c < 127; c++) {
      keys.bind(Key.of(Action.INSERT), String.valueOf(c));
    }
    keys.bind(Key.of(Action.ENTER), "\r", "\n");
    keys.bind(Key.of(Action.BACKSPACE), del(), ctrl('H'));
    keys.bind(Key.of(Action.TAB), "\t");
    keys.bind(Key.of(Action.CLEAR_LINE), ctrl('U'));
    keys.bind(Key.of(Action.END_OF_INPUT), ctrl('D'));
    keys.bind(Key.of(Action.REDRAW), ctrl('L'));
    keys.bind(Key.of(Action.HOME), ctrl('A'));
    keys.bind(Key.of(Action.END), ctrl('E'));
    keys.bind(Key.of(Action.NEXT_WINDOW), ctrl('N'));
    keys.bind(Key.of(Action.PREVIOUS_WINDOW), ctrl('P'));
    keys.bind(Key.of(Action.PASTE), "\u001b[200~");
    for (int n = 1; n <= 10; n++) {
      keys.bind(new Key(Action.WINDOW, n), alt((char) ('0' + n % 10)));
    }
    // Alt-arrows: xterm's modifier 3, and Esc before the arrow (some terminals, screen).
    keys.bind(Key.of(Action.PREVIOUS_WINDOW), "\u001b[1;3D", "\u001b\u001b[D", "\u001b\u001bOD");
    keys.bind(Key.of(Action.NEXT_WINDOW), "\u001b[1;3C", "\u001b\u001b[C", "\u001b\u001bOC");
    bindBoth(keys, terminal, Action.LEFT, Capability.key_left, "\u001b[D", "\u001bOD");
    bindBoth(keys, terminal, Action.RIGHT, Capability.key_right, "\u001b[C", "\u001bOC");
    bindBoth(keys, terminal, Action.UP, Capability.key_up, "\u001b[A", "\u001bOA");
    bindBoth(keys, terminal, Action.DOWN, Capability.key_down, "\u001b[B", "\u001bOB");
    bindBoth(keys, terminal, Action.HOME, Capability.key_home, "\u001b[H", "\u001b[1~");
    bindBoth(keys, terminal, Action.END, Capability.key_end, "\u001b[F", "\u001b[4~");
    bindBoth(keys, terminal, Action.DELETE, Capability.key_dc, "\u001b[3~");
    bindBoth(keys, terminal, Action.PAGE_UP, Capability.key_ppage, "\u001b[5~");
    bindBoth(keys, terminal, Action.PAGE_DOWN, Capability.key_npage, "\u001b[6~");
    return keys;
  }

  /** The terminal's own sequence for the key (from terminfo), and the common ones besides. */
  private static void bindBoth(
      KeyMap<Key> keys, Terminal terminal, Action action, Capability capability, String... usual) {
    String own = key(terminal, capability);
    if (own != null && !own.isEmpty()) {
      keys.bind(Key.of(action), own);
    }
    keys.bind(Key.of(action), usual);
  }
}
