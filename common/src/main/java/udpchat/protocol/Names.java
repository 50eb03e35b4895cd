package udpchat.protocol;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The rules for member names, shared by client and server so both refuse the same names.
 *
 * <p>A name is 1 to {@link Limits#MAX_NAME_CODE_POINTS} code points: letters and digits of any
 * script, combining marks, and {@code _ - .}, starting with a letter or digit. No spaces (so {@code
 * /msg NAME TEXT} is unambiguous) and no controls or symbols. Two names are the same name when
 * their {@link #key keys} are equal: compatibility-normalised (NFKC) and lower-cased, so "Bob",
 * "BOB" and "Ｂｏｂ" (full-width) are one name.
 */
public final class Names {

  private Names() {}

  /** Why {@code name} is not a valid name, or empty when it is. */
  public static Optional<String> problem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("a name cannot be empty");
    }
    int count = name.codePointCount(0, name.length());
    if (count > Limits.MAX_NAME_CODE_POINTS) {
      return Optional.of(
          "a name has at most " + Limits.MAX_NAME_CODE_POINTS + " characters, this one " + count);
    }
    int first = name.codePointAt(0);
    if (!Character.isLetterOrDigit(first)) {
      return Optional.of("a name starts with a letter or a digit");
    }
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (!allowed(cp)) {
        return Optional.of(
            "a name has only letters, digits and _ - . (not " + String.format("U+%04X", cp) + ")");
      }
      i += Character.charCount(cp);
    }
    return Optional.empty();
  }

  public static boolean isValid(String name) {
    return problem(name).isEmpty();
  }

  /** The form two names are compared in: equal keys mean the same name in the room. */
  public static String key(String name) {
    String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    // Lower-casing can produce text that is no longer NFKC (e.g. some Greek), so normalise again.
    return Normalizer.normalize(folded, Normalizer.Form.NFKC);
  }

  private static boolean allowed(int cp) {
    if (Character.isLetterOrDigit(cp) || cp == '_' || cp == '-' || cp == '.') {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || type == Character.ENCLOSING_MARK;
  }
}
