package udpchat.client.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Cuts a line longer than one message may be into several that each fit, as irssi does: at the last
 * space that fits, or inside a word longer than a message, never inside a character. The size is
 * what the wire counts (the text's bytes in JSON, escapes included), so it is measured, not
 * guessed.
 */
final class LongLines {

  private LongLines() {}

  /** {@code text} as messages of at most {@code maxBytes} by {@code bytes}, in order. */
  static List<String> split(String text, int maxBytes, ToIntFunction<String> bytes) {
    List<String> parts = new ArrayList<>();
    String rest = text;
    while (bytes.applyAsInt(rest) > maxBytes) {
      int fits = longestFittingPrefix(rest, maxBytes, bytes);
      int space = rest.lastIndexOf(' ', fits);
      int end = space > 0 && !rest.substring(0, space).isBlank() ? space : fits;
      parts.add(rest.substring(0, end).stripTrailing());
      rest = rest.substring(end).stripLeading();
    }
    if (!rest.isBlank()) {
      parts.add(rest);
    }
    return parts;
  }

  /** The length in chars of the longest prefix, whole code points, of at most maxBytes. */
  private static int longestFittingPrefix(String text, int maxBytes, ToIntFunction<String> bytes) {
    int low = 0; // fits
    int high = text.codePointCount(0, text.length()); // does not fit (the whole text)
    while (high - low > 1) {
      int middle = (low + high) >>> 1;
      if (bytes.applyAsInt(text.substring(0, text.offsetByCodePoints(0, middle))) <= maxBytes) {
        low = middle;
      } else {
        high = middle;
      }
    }
    // At least one code point, so a line always makes progress (no code point is near the limit).
    return text.offsetByCodePoints(0, Math.max(1, low));
  }
}
