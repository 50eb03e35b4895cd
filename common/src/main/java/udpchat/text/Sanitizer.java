package udpchat.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import java.util.EnumSet;
import java.util.Set;

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
 *   <li>characters that print as nothing (zero-width space and joiners, word joiner, soft hyphen,
 *       byte-order mark, the other format characters, Hangul fillers), which would let two texts
 *       that differ look the same: {@code <U+200B>}; except a zero-width joiner inside an emoji
 *       sequence and the tags of a subdivision flag, which an emoji needs, and a joiner or
 *       non-joiner between two letters of a script spelt with them (Arabic, Persian, Indic);
 *   <li>an unpaired surrogate, which no terminal can print: U+FFFD.
 * </ul>
 */
public final class Sanitizer {

  private static final int ZWNJ = 0x200C;
  private static final int ZWJ = 0x200D;
  private static final int WAVING_BLACK_FLAG = 0x1F3F4;

  private Sanitizer() {}

  /** {@code text} with every unsafe character shown escaped; {@code null} stays {@code null}. */
  public static String clean(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder out = null; // made at the first unsafe character: clean text is not copied
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int width = Character.charCount(cp);
      String escaped = escape(text, i, cp);
      if (escaped != null && out == null) {
        out = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (out != null) {
        if (escaped != null) {
          out.append(escaped);
        } else {
          out.appendCodePoint(cp);
        }
      }
      i += width;
    }
    return out == null ? text : out.toString();
  }

  /** How the code point {@code cp} at {@code i} is shown, or {@code null} when it is safe. */
  private static String escape(String text, int i, int cp) {
    if (cp < 0x20 && cp != '\t') {
      return "^" + (char) (cp + 0x40);
    }
    if (cp < 0x7F) {
      return null; // the fast path: printable ASCII
    }
    if (cp == 0x7F) {
      return "^?";
    }
    if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
      return "\uFFFD"; // codePointAt gives a lone surrogate as itself
    }
    if (isC1(cp) || isDirectionOrSeparator(cp)) {
      return codePoint(cp);
    }
    if (isInvisible(cp) && !partOfAnEmoji(text, i, cp) && !joinsLetters(text, i, cp)) {
      return codePoint(cp);
    }
    return null;
  }

  private static String codePoint(int cp) {
    return String.format("<U+%04X>", cp);
  }

  private static boolean isC1(int c) {
    return c >= 0x80 && c <= 0x9F;
  }

  private static boolean isDirectionOrSeparator(int c) {
    return c == 0x061C
        || c == 0x200E
        || c == 0x200F
        || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028
        || c == 0x2029;
  }

  /**
   * Characters that print as nothing and so can hide a difference between two texts that look the
   * same: the format characters (zero-width space, joiners, word joiner, soft hyphen, byte-order
   * mark, invisible operators, tags), the combining grapheme joiner, and the Hangul fillers, which
   * render as blank space.
   */
  private static boolean isInvisible(int cp) {
    return Character.getType(cp) == Character.FORMAT
        || cp == 0x034F
        || cp == 0x115F
        || cp == 0x1160
        || cp == 0x3164
        || cp == 0xFFA0;
  }

  /**
   * Whether an invisible character is what an emoji needs: a zero-width joiner between two
   * pictographs (👩‍💻, 🏳️‍🌈), or the tag characters of a subdivision flag (🏴 then tags).
   */
  private static boolean partOfAnEmoji(String text, int i, int cp) {
    if (cp == ZWJ) {
      return i + 1 < text.length()
          && isPictograph(text.codePointAt(i + 1))
          && isPictograph(pictographBefore(text, i));
    }
    if (cp >= 0xE0020 && cp <= 0xE007F && i > 0) { // tags: after the flag, or other tags
      int before = text.codePointBefore(i);
      return before == WAVING_BLACK_FLAG || (before >= 0xE0020 && before <= 0xE007E);
    }
    return false;
  }

  /**
   * Whether a zero-width joiner or non-joiner stands between two letters of a script whose ordinary
   * spelling needs one (Persian "می‌خواهم", Hindi "क्‍ष"): there it chooses how the letters join.
   * In Latin, Greek, Cyrillic and the rest it would only hide a difference, so it is shown there.
   */
  private static boolean joinsLetters(String text, int i, int cp) {
    if ((cp != ZWNJ && cp != ZWJ) || i == 0 || i + 1 >= text.length()) {
      return false;
    }
    Character.UnicodeScript before = Character.UnicodeScript.of(text.codePointBefore(i));
    return JOINING_SCRIPTS.contains(before)
        && before == Character.UnicodeScript.of(text.codePointAt(i + 1));
  }

  /** Scripts written with joiners: Arabic and Syriac, and the Indic scripts (with a virama). */
  private static final Set<Character.UnicodeScript> JOINING_SCRIPTS =
      EnumSet.of(
          Character.UnicodeScript.ARABIC,
          Character.UnicodeScript.SYRIAC,
          Character.UnicodeScript.NKO,
          Character.UnicodeScript.DEVANAGARI,
          Character.UnicodeScript.BENGALI,
          Character.UnicodeScript.GURMUKHI,
          Character.UnicodeScript.GUJARATI,
          Character.UnicodeScript.ORIYA,
          Character.UnicodeScript.TAMIL,
          Character.UnicodeScript.TELUGU,
          Character.UnicodeScript.KANNADA,
          Character.UnicodeScript.MALAYALAM,
          Character.UnicodeScript.SINHALA);

  /**
   * The code point that an emoji sequence's joiner at {@code i} follows, past the variation
   * selectors and skin-tone modifiers that may stand between; -1 when there is none.
   */
  private static int pictographBefore(String text, int i) {
    int at = i;
    while (at > 0) {
      int before = text.codePointBefore(at);
      if (!isEmojiDecoration(before)) {
        return before;
      }
      at -= Character.charCount(before);
    }
    return -1;
  }

  private static boolean isEmojiDecoration(int cp) {
    return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0x1F3FB && cp <= 0x1F3FF);
  }

  private static boolean isPictograph(int cp) {
    return cp >= 0 && UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC);
  }
}
