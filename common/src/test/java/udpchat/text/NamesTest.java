package udpchat.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import udpchat.protocol.Limits;

class NamesTest {

  /** U+20000, a CJK letter outside the BMP: one code point, two chars. */
  static final String CJK_EXT_B = new String(Character.toChars(0x20000));

  static Stream<String> validNames() {
    return Stream.of(
        "alice",
        "bob_2",
        "a.b-c_d",
        "42",
        "Zoë",
        "Zoe\u0308", // e and a combining diaeresis
        "e\u0301clair",
        "張伟",
        "Ωμέγα", // all Greek
        "Алиса", // all Cyrillic
        "Tanaka田中", // Latin with Han: allowed by the highly restrictive level
        "すずき鈴木", // Hiragana with Han: Japanese
        "김민준",
        "straße",
        "١٢٣", // Arabic-Indic digits
        "Ｂｏｂ",
        "a".repeat(Limits.MAX_NAME_CODE_POINTS),
        CJK_EXT_B.repeat(Limits.MAX_NAME_CODE_POINTS));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @MethodSource("validNames")
  void acceptsAValidName(String name) {
    assertThat(Names.problem(name)).isEmpty();
    assertThat(Names.isValid(name)).isTrue();
  }

  static Stream<Arguments> invalidNames() {
    return Stream.of(
        Arguments.of(null, "a name cannot be empty"),
        Arguments.of("", "a name cannot be empty"),
        Arguments.of("a b", "(not U+0020)"),
        Arguments.of("a\tb", "(not U+0009)"),
        Arguments.of("a\u0000b", "(not U+0000)"),
        Arguments.of("a\u001b[31m", "(not U+001B)"),
        Arguments.of("a\u0085", "(not U+0085)"),
        Arguments.of("a\u202eb", "(not U+202E)"), // right-to-left override
        Arguments.of("a\u200db", "(not U+200D)"), // zero-width joiner
        Arguments.of("a@b", "(not U+0040)"),
        Arguments.of("bob😀", "(not U+1F600)"),
        Arguments.of("a".repeat(33), "a name has at most 32 characters, this one 33"),
        Arguments.of(CJK_EXT_B.repeat(33), "a name has at most 32 characters, this one 33"),
        Arguments.of("_bob", "a name starts with a letter or a digit"),
        Arguments.of(".bob", "a name starts with a letter or a digit"),
        Arguments.of("-bob", "a name starts with a letter or a digit"),
        Arguments.of(" bob", "a name starts with a letter or a digit"),
        Arguments.of("\u0301bob", "a name starts with a letter or a digit"),
        Arguments.of("😀", "a name starts with a letter or a digit"),
        Arguments.of("a\u200bb", "(not U+200B)"), // zero-width space
        Arguments.of("a\u2060b", "(not U+2060)"), // word joiner
        Arguments.of("a\ufeffb", "(not U+FEFF)"), // zero-width no-break space
        Arguments.of("bob\u00ad", "(not U+00AD)"), // soft hyphen
        Arguments.of(
            "\u0430lice", "a name is written in one script, not Cyrillic mixed with Latin"),
        Arguments.of("b\u03bfb", "a name is written in one script, not Latin mixed with Greek"),
        Arguments.of("Ωmega", "not Greek mixed with Latin"),
        Arguments.of("p\u0430yp\u0430l", "not Latin mixed with Cyrillic"),
        Arguments.of("bob1\uff12", "a name has digits of one kind only"), // full-width 2
        Arguments.of("1\u0662", "a name has digits of one kind only"), // Arabic-Indic 2
        Arguments.of("e\u0301\u0301", "a name has no invisible marks"));
  }

  @ParameterizedTest(name = "\"{0}\": {1}")
  @MethodSource("invalidNames")
  void refusesAnInvalidNameSayingWhy(String name, String problem) {
    assertThat(Names.problem(name)).hasValueSatisfying(p -> assertThat(p).contains(problem));
    assertThat(Names.isValid(name)).isFalse();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"\u0430lice", "Ωmega", "bob1\uff12", "e\u0301\u0301"})
  void aNameThatBreaksOnlyTheScriptRulesIsWellFormedButCannotBeClaimed(String name) {
    assertThat(Names.formProblem(name)).isEmpty();
    assertThat(Names.isWellFormed(name)).isTrue();
    assertThat(Names.isValid(name)).isFalse();
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"Bob", "BOB", "bob", "bOb", "Ｂｏｂ", "ＢＯＢ"})
  void keyMakesCaseAndWidthVariantsOneName(String variant) {
    assertThat(Names.key(variant)).isEqualTo(Names.key("bob"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"STRASSE", "Strasse", "strasse", "STRAẞE", "Straße"})
  void keyFoldsCaseFullySoSharpSIsSs(String variant) {
    assertThat(Names.key(variant)).isEqualTo(Names.key("straße")).isEqualTo("strasse");
  }

  @Test
  void keyFoldsCompatibilityFormsAndGreekFinalSigma() {
    assertThat(Names.key("\ufb01nn")).isEqualTo(Names.key("Finn")); // the ligature "fi"
    assertThat(Names.key("ＡＬＩＣＥ")).isEqualTo(Names.key("alice"));
    assertThat(Names.key("ΟΔΥΣΣΕΥΣ")).isEqualTo(Names.key("Οδυσσευς"));
    assertThat(Names.key("K")).as("the Kelvin sign").isEqualTo(Names.key("k"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"Zoë", "Zoe\u0308", "ZOË", "ZOE\u0308"})
  void keyMakesComposedAndDecomposedFormsOneName(String variant) {
    assertThat(Names.key(variant)).isEqualTo(Names.key("zoë"));
  }

  @ParameterizedTest(name = "\"{0}\" and \"{1}\"")
  @MethodSource("differentNames")
  void keyKeepsDifferentNamesApart(String one, String other) {
    assertThat(Names.key(one)).isNotEqualTo(Names.key(other));
  }

  static Stream<Arguments> differentNames() {
    return Stream.of(
        Arguments.of("bob", "bobby"),
        Arguments.of("bob", "rob"),
        Arguments.of("alice", "alicia"),
        Arguments.of("Zoe", "Zoë"),
        Arguments.of("bob_2", "bob-2"),
        Arguments.of("張伟", "张伟"),
        // All Cyrillic: another key (and, by UTS #39, another look: its palochka reads as "i").
        Arguments.of("alice", "\u0430\u04cf\u0456\u0441\u0435"));
  }

  @ParameterizedTest(name = "\"{0}\" looks like \"{1}\"")
  @MethodSource("lookalikeNames")
  void namesThatLookAlikeShareALook(String one, String other) {
    assertThat(Names.lookalikes(one)).containsAnyElementsOf(Names.lookalikes(other));
    assertThat(Names.lookalikes(other)).containsAnyElementsOf(Names.lookalikes(one));
  }

  static Stream<Arguments> lookalikeNames() {
    return Stream.of(
        Arguments.of("ace", "\u0430\u0441\u0435"), // all Cyrillic
        Arguments.of("cop", "\u0441\u043e\u0440"), // Cyrillic с о р
        Arguments.of("paypal", "\u0440\u0430\u0443\u0440\u0430l"), // Cyrillic but the l
        Arguments.of("ANNA", "\u0391\u039d\u039d\u0391"), // Greek capitals
        Arguments.of("anna", "\u0391\u039d\u039d\u0391"),
        Arguments.of("oscar", "0scar"),
        Arguments.of("bill", "biII"), // capital i
        Arguments.of("mike", "rnike"),
        Arguments.of("Bob", "ｂｏｂ"), // equal keys share their look
        Arguments.of("straße", "STRASSE"));
  }

  @ParameterizedTest(name = "\"{0}\" and \"{1}\"")
  @MethodSource("differentLooks")
  void differentNamesLookDifferent(String one, String other) {
    assertThat(Names.lookalikes(one)).doesNotContainAnyElementsOf(Names.lookalikes(other));
  }

  static Stream<Arguments> differentLooks() {
    return Stream.of(
        Arguments.of("bob", "rob"),
        Arguments.of("alice", "alicia"),
        Arguments.of("Zoe", "Zoë"),
        Arguments.of("bob_2", "bob-2"),
        Arguments.of("ivan", "\u0418\u0432\u0430\u043d"), // Иван: Cyrillic that looks Cyrillic
        Arguments.of("anna", "anne"));
  }
}
