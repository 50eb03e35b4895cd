package udpchat.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.SpoofChecker;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import udpchat.protocol.Limits;

/**
 * The rules for member names, shared by client and server so both refuse the same names.
 *
 * <p>A name is 1 to {@link Limits#MAX_NAME_CODE_POINTS} code points: letters and digits of any
 * script, combining marks, and {@code _ - .}, starting with a letter or digit. No spaces (so {@code
 * /msg NAME TEXT} is unambiguous), no controls, symbols or invisible characters. It is written in
 * one script (UTS #39's "highly restrictive" level: Latin may go with Han and Japanese or Korean,
 * never with Cyrillic or Greek), with digits of one numbering system, so "аlice" with a Cyrillic
 * "а" is refused rather than let pass for "alice".
 *
 * <p>The script rules are for names being claimed ({@link #problem}, in {@code join}, {@code nick}
 * and the options); a name already in a room, or in a room's history, need only be well formed
 * ({@link #formProblem}: length and characters, what makes it safe to show and to use in {@code
 * /msg}), so a journal or a server from before these rules stays readable.
 *
 * <p>Two names are the same name when their {@link #key keys} are equal: NFKC with full Unicode
 * case folding (NFKC_Casefold), so "Bob", "BOB", "Ｂｏｂ" (full-width) and "straße"/"STRASSE" are one
 * name each. The rules come from ICU, whose Unicode version is the one used throughout.
 *
 * <p>Two different names may still look alike: a whole name in Cyrillic or Greek letters that look
 * Latin ("сор" and "cop"), "0" and "O", "rn" and "m". Their {@link #lookalikes skeletons} (UTS #39)
 * are equal, and a room refuses the second.
 */
public final class Names {

  private static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();

  /** UTS #39 confusables only: the skeletons of {@link #lookalikes}. Thread-safe once built. */
  private static final SpoofChecker CONFUSABLES = new SpoofChecker.Builder().build();

  /** Thread-safe once built. */
  private static final SpoofChecker MIXING =
      new SpoofChecker.Builder()
          .setRestrictionLevel(SpoofChecker.RestrictionLevel.HIGHLY_RESTRICTIVE)
          .setChecks(
              SpoofChecker.RESTRICTION_LEVEL | SpoofChecker.MIXED_NUMBERS | SpoofChecker.INVISIBLE)
          .build();

  private Names() {}

  /** Why {@code name} may not be claimed (joined or renamed to), or empty when it may. */
  public static Optional<String> problem(String name) {
    Optional<String> form = formProblem(name);
    if (form.isPresent()) {
      return form;
    }
    SpoofChecker.CheckResult result = new SpoofChecker.CheckResult();
    if (MIXING.failsChecks(name, result)) {
      if ((result.checks & SpoofChecker.RESTRICTION_LEVEL) != 0) {
        return Optional.of(
            "a name is written in one script, not "
                + String.join(" mixed with ", scripts(name))
                + " (letters that look alike could pass for another name)");
      }
      if ((result.checks & SpoofChecker.MIXED_NUMBERS) != 0) {
        return Optional.of("a name has digits of one kind only (not mixed numbering systems)");
      }
      return Optional.of("a name has no invisible marks (the same combining mark twice)");
    }
    return Optional.empty();
  }

  /**
   * Why {@code name} is not well formed (its length or a character), or empty when it is: the rules
   * every name shown in a room keeps, checked on names the server sends.
   */
  public static Optional<String> formProblem(String name) {
    if (name == null || name.isEmpty()) {
      return Optional.of("a name cannot be empty");
    }
    int count = name.codePointCount(0, name.length());
    if (count > Limits.MAX_NAME_CODE_POINTS) {
      return Optional.of(
          "a name has at most " + Limits.MAX_NAME_CODE_POINTS + " characters, this one " + count);
    }
    int first = name.codePointAt(0);
    if (!UCharacter.isLetterOrDigit(first)) {
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

  /** Whether {@code name} may be claimed: see {@link #problem}. */
  public static boolean isValid(String name) {
    return problem(name).isEmpty();
  }

  /** Whether {@code name} is well formed: see {@link #formProblem}. */
  public static boolean isWellFormed(String name) {
    return formProblem(name).isEmpty();
  }

  /**
   * The form two names are compared in: equal keys mean the same name in the room. NFKC with full
   * case folding, as Unicode's NFKC_Casefold: compatibility forms (full-width, ligatures) become
   * their plain letters, and case is folded fully (ß becomes ss, not just lower-cased).
   */
  public static String key(String name) {
    return NFKC_CASEFOLD.normalize(name);
  }

  /**
   * What {@code name} looks like: one or two UTS #39 skeletons, case folded. Names that share one
   * look alike, and a room holds only one of them. The skeleton is taken of the folded name (so
   * "ΑΝΝΑ" and "αννα" look alike, as do "сор" and "cop") and, when it differs, of the name as
   * written too, since capitals have look-alikes of their own ("ΑΝΝΑ" and "ANNA", "biII" and
   * "bill"). Equal {@link #key keys} always share the first.
   */
  public static List<String> lookalikes(String name) {
    String folded = NFKC_CASEFOLD.normalize(CONFUSABLES.getSkeleton(key(name)));
    String asWritten = NFKC_CASEFOLD.normalize(CONFUSABLES.getSkeleton(name));
    return folded.equals(asWritten) ? List.of(folded) : List.of(folded, asWritten);
  }

  private static boolean allowed(int cp) {
    if (UCharacter.isLetterOrDigit(cp) || cp == '_' || cp == '-' || cp == '.') {
      return true;
    }
    int type = UCharacter.getType(cp);
    return type == UCharacter.NON_SPACING_MARK
        || type == UCharacter.COMBINING_SPACING_MARK
        || type == UCharacter.ENCLOSING_MARK;
  }

  /** The scripts of {@code name}'s letters, in order of appearance, for the message. */
  private static Set<String> scripts(String name) {
    Set<String> scripts = new LinkedHashSet<>();
    name.codePoints()
        .map(UScript::getScript)
        .filter(script -> script != UScript.COMMON && script != UScript.INHERITED)
        .forEach(script -> scripts.add(UScript.getName(script)));
    return scripts;
  }
}
