package udpchat.client.view.screen;

import java.util.NoSuchElementException;

/**
 * The last {@code capacity} lines of a window, oldest dropped first: a window's scrollback in
 * bounded memory however long the client runs. Each line keeps the number it was added as (its
 * sequence), so the unread marker and the scroll position stay put while old lines fall off.
 *
 * <p>Not thread-safe: the screen's thread owns every window.
 */
final class ScrollbackRing<T> {

  private final Object[] items;
  private long next;
  private long cleared; // the lines before this one were cleared away

  ScrollbackRing(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
    }
    this.items = new Object[capacity];
  }

  void add(T item) {
    items[(int) (next % items.length)] = item;
    next++;
  }

  /** The sequence of the oldest line still kept (0 before any has fallen off or was cleared). */
  long first() {
    return Math.max(cleared, next - items.length);
  }

  /** Forgets every line kept; the numbers go on from where they were. */
  void clear() {
    cleared = next;
  }

  /** The sequence the next line will get: one more than the newest's. */
  long next() {
    return next;
  }

  int size() {
    return (int) (next - first());
  }

  int capacity() {
    return items.length;
  }

  /** The line numbered {@code sequence}, which must still be kept. */
  @SuppressWarnings("unchecked")
  T get(long sequence) {
    if (sequence < first() || sequence >= next) {
      throw new NoSuchElementException(
          "line " + sequence + " is not kept (kept: " + first() + " to " + (next - 1) + ")");
    }
    return (T) items[(int) (sequence % items.length)];
  }
}
