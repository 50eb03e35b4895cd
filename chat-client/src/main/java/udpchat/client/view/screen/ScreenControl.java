package udpchat.client.view.screen;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jline.utils.AttributedString;
import udpchat.client.command.Command;
import udpchat.client.command.Commands;
import udpchat.client.view.Event;
import udpchat.text.Names;

/**
 * What the keys and the typed lines do to the {@link Screen}: editing, switching and scrolling
 * windows, and the window commands ({@code /window}, {@code /w}, {@code /wc}, {@code /query}),
 * which are the view's and never reach the session. Plain text typed in a private conversation's
 * window is sent to that member ({@code /msg NAME TEXT}); every other line goes to the session as
 * typed.
 *
 * <p>Runs on the screen's thread, like the screen.
 */
final class ScreenControl {

  private final Screen screen;
  private final Consumer<String> typed;
  private final Clock clock;

  /**
   * @param typed where a line for the session goes; {@code null} there means input has ended
   */
  ScreenControl(Screen screen, Consumer<String> typed, Clock clock) {
    this.screen = screen;
    this.typed = typed;
    this.clock = clock;
  }

  /** Applies {@code key} ({@code text}: what was typed or pasted); {@code page}: rows shown. */
  void onKey(Keys.Key key, String text, int page) {
    InputLine input = screen.input;
    WindowList windows = screen.windows;
    switch (key.action()) {
      case INSERT -> {
        if (text.codePoints().noneMatch(Character::isISOControl)) {
          input.insert(text);
        }
      }
      case PASTE -> input.insert(text.replace("\r\n", "\n").replace('\r', '\n'));
      case ENTER -> {
        windows.current().scroll(-Long.MAX_VALUE / 2); // back to the newest, where the answer goes
        submit(input.submit());
      }
      case BACKSPACE -> input.backspace();
      case DELETE -> input.delete();
      case LEFT -> input.left();
      case RIGHT -> input.right();
      case HOME -> input.home();
      case END -> input.end();
      case UP -> input.up();
      case DOWN -> input.down();
      case TAB -> screen.complete();
      case CLEAR_LINE -> input.clear();
      case END_OF_INPUT -> {
        if (input.text().isEmpty()) {
          typed.accept(null);
        } else {
          input.delete();
        }
      }
      case WINDOW -> windows.select(key.window());
      case NEXT_WINDOW -> windows.next();
      case PREVIOUS_WINDOW -> windows.previous();
      case PAGE_UP -> windows.current().scroll(Math.max(1, page - 1));
      case PAGE_DOWN -> windows.current().scroll(-Math.max(1, page - 1));
      case REDRAW -> {} // the caller draws afresh
    }
  }

  /**
   * Ctrl-C: the line is cleared, as in a shell; leaving is quit or Ctrl-D, which the user is told.
   */
  void onInterrupt() {
    screen.input.clear();
    screen.say(Event.notice(clock.instant(), "(to leave, type quit or press Ctrl-D)"));
  }

  /** A line sent with Enter; several pasted at once are each handled on their own, in order. */
  void submit(String entered) {
    for (String line : entered.split("\\R", -1)) {
      onTyped(line);
    }
  }

  private void onTyped(String line) {
    Command command = Commands.parse(line);
    Window shown = screen.windows.current();
    if (command instanceof Command.Window window) {
      onWindow(window);
    } else if (command instanceof Command.Query query) {
      onQuery(query.name());
    } else if (command instanceof Command.Clear) {
      shown.clear();
    } else if (command instanceof Command.Lastlog lastlog) {
      onLastlog(shown, lastlog.word());
    } else if (shown.kind == Window.Kind.QUERY && command instanceof Command.Say say) {
      typed.accept("/msg " + shown.name() + " " + say.text());
    } else if (shown.kind == Window.Kind.QUERY && command instanceof Command.Act) {
      error("/me goes to the room, not to " + shown.name() + ": type it in window 2");
    } else {
      typed.accept(line);
    }
  }

  private void onWindow(Command.Window window) {
    WindowList windows = screen.windows;
    switch (window.move()) {
      case NEXT -> windows.next();
      case PREVIOUS -> windows.previous();
      case CLOSE -> windows.closeCurrent().ifPresent(this::error);
      case GOTO -> {
        if (!windows.select(window.number())) {
          error("no window " + window.number() + ": there are 1 to " + windows.size());
        }
      }
    }
  }

  private void onQuery(String name) {
    Optional<String> problem = Names.problem(name);
    if (problem.isPresent()) {
      error("/query " + name + ": " + problem.get());
      return;
    }
    screen.windows.select(screen.windows.openQuery(name));
  }

  /** irssi's lastlog: the window's lines with the word, again at its bottom, between two notes. */
  private void onLastlog(Window shown, String word) {
    List<AttributedString> found = shown.linesWith(word);
    screen.say(
        Event.notice(
            clock.instant(),
            "lastlog " + word + ": " + found.size() + (found.size() == 1 ? " line" : " lines")));
    found.forEach(line -> screen.windows.add(shown, line, Activity.EVENT));
    if (!found.isEmpty()) {
      screen.say(Event.notice(clock.instant(), "end of lastlog " + word));
    }
  }

  private void error(String text) {
    screen.say(Event.error(clock.instant(), text));
  }
}
