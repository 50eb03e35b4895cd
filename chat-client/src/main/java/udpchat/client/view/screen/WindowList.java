package udpchat.client.view.screen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import udpchat.client.view.Event;
import udpchat.text.Names;

/**
 * The numbered windows, irssi style: 1 the status window, 2 the room, then one per private
 * conversation in the order they were opened; which one is shown; where each event goes. Numbers
 * are positions: closing window 3 makes window 4 the new 3, as in irssi.
 *
 * <p>Not thread-safe: owned by the screen's thread.
 */
final class WindowList {

  private final List<Window> windows = new ArrayList<>();
  private final int capacity;
  private int current;

  /** The status window and the room's, named {@code room}, the room shown. */
  WindowList(String room, int capacity) {
    this.capacity = capacity;
    windows.add(new Window(Window.Kind.STATUS, "status", capacity));
    windows.add(new Window(Window.Kind.ROOM, room, capacity));
    current = 1;
    current().enter();
  }

  Window current() {
    return windows.get(current);
  }

  /** The shown window's number, from 1. */
  int currentNumber() {
    return current + 1;
  }

  int size() {
    return windows.size();
  }

  Window get(int number) {
    return windows.get(number - 1);
  }

  int numberOf(Window window) {
    return windows.indexOf(window) + 1;
  }

  Window status() {
    return windows.get(0);
  }

  Window room() {
    return windows.get(1);
  }

  /** The query window with {@code name} (ignoring case and width, as names are unique), if open. */
  Optional<Window> query(String name) {
    String key = Names.key(name);
    return windows.stream()
        .filter(w -> w.kind == Window.Kind.QUERY && Names.key(w.name()).equals(key))
        .findFirst();
  }

  /** The query window with {@code name}, opened at the end of the list if it was not; not shown. */
  Window openQuery(String name) {
    return query(name)
        .orElseGet(
            () -> {
              Window window = new Window(Window.Kind.QUERY, name, capacity);
              windows.add(window);
              return window;
            });
  }

  /**
   * The window {@code event} belongs in: a private message in the conversation's (opened if need
   * be), what is about the server in the status window, the rest in the room's.
   */
  Window windowFor(Event event) {
    Event about = event.kind() == Event.Kind.FAILED ? event.subject() : event;
    if (about != null && about.kind() == Event.Kind.PRIVATE) {
      return openQuery(about.own() ? about.to() : about.from());
    }
    return event.server() ? status() : room();
  }

  /** Adds {@code line} to {@code window}, counting its activity there if it is not shown. */
  void add(Window window, org.jline.utils.AttributedString line, Activity level) {
    window.add(line, level, window == current());
  }

  /** Shows window {@code number}; false when there is none. */
  boolean select(int number) {
    if (number < 1 || number > windows.size()) {
      return false;
    }
    if (number - 1 != current) {
      current().leave();
      current = number - 1;
      current().enter();
    }
    return true;
  }

  void select(Window window) {
    select(numberOf(window));
  }

  /** The next window, the first after the last. */
  void next() {
    select(current + 1 == windows.size() ? 1 : current + 2);
  }

  /** The previous window, the last before the first. */
  void previous() {
    select(current == 0 ? windows.size() : current);
  }

  /** Closes the shown window and shows the one before it; the problem, when it cannot be closed. */
  Optional<String> closeCurrent() {
    Window window = current();
    if (!window.closable()) {
      return Optional.of(
          "window "
              + currentNumber()
              + " ("
              + window.name()
              + ") cannot be closed: only private conversations' windows can");
    }
    windows.remove(current);
    current = current - 1; // a query is never window 1 or 2, so there is one before it
    current().enter();
    return Optional.empty();
  }

  /** The windows with something unseen, by number: the status bar's activity list. */
  List<Integer> active() {
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      if (windows.get(i).activity() != Activity.NONE) {
        numbers.add(i + 1);
      }
    }
    return numbers;
  }
}
