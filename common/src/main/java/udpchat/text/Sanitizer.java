package udpchat.text;

/**
 * Makes untrusted text safe to print on a terminal: the one function every name, message and notice
 * from the network goes through, on the server before it forwards and on the client before it
 * prints.
 *
 * <p>A terminal obeys control characters, so text from others could move the cursor, rewrite the
 * screen, set the window title or the clipboard (OSC 52), or hide what it says behind direction
 * overrides ("Trojan Source"). JLine prints what it is given, and its {@code stripAnsi} keeps title
 * and clipboard sequences. So nothing of that kind passes: each such character is shown escaped,
 * visible but inert, and an escape sequence loses its ESC, so the rest of it prints as plain text.
 *
 * <ul>
 *   <li>C0 controls except TAB, and DEL: caret notation, {@code ^[} for ESC, {@code ^?} for DEL;
 *   <li>C1 controls U+0080..U+009F (what bytes 0x80..0x9F mean in Latin-1, and what C2 80..C2 9F
 *       mean in UTF-8): {@code <U+009B>};
 *   <li>direction marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
 *       U+202A..U+202E, U+2066..U+2069) and the line and paragraph separators U+2028, U+2029:
 *       {@code <U+202E>};
 *   <li>an unpaired surrogate, which no terminal can print: U+FFFD.
 * </ul>
 */
public final class Sanitizer {

  private Sanitizer() {}

  /** {@code text} with every unsafe character shown escaped; {@code null} stays {@code null}. */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null; // made at the first unsafe character: clean text is not copied
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      String escaped = pair ? null : escape(c);
      if (escaped != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (escaped != null) {
          out.append(escaped);
        } else {
          out.append(c);
          if (pair) {
            out.append(text.charAt(i + 1));
          }
        }
      }
      if (pair) {
        i++; // a valid pair (an emoji) is safe; only an unpaired surrogate is not
      }
    }
    return out == null ? text : out.toString();
  }

  /** How {@code c} is shown, or {@code null} when it is safe as it is. */
  private static String escape(char c) {
    if (Character.isSurrogate(c)) {
      return "\uFFFD";
    }
    if (c < 0x20 && c != '\t') {
      return "^" + (char) (c + 0x40);
    }
    if (c == 0x7F) {
      return "^?";
    }
    if (isC1(c) || isDirectionOrSeparator(c)) {
      return String.format("<U+%04X>", (int) c);
    }
    return null;
  }

  private static boolean isC1(char c) {
    return c >= 0x80 && c <= 0x9F;
  }

  private static boolean isDirectionOrSeparator(char c) {
    return c == 0x061C
        || c == 0x200E
        || c == 0x200F
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028
        || c == 0x2029;
  }
}
