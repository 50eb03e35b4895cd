package udpchat.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SanitizerTest {

  /** The direction controls and separators the Sanitizer escapes. */
  static final int[] DIRECTION_AND_SEPARATORS = {
    0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
    0x2028, 0x2029
  };

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        "hello, world",
        "tab\there",
        "Zoë 你好 안녕 שלום",
        "e\u0301 combining",
        "👋🏽 emoji 🇫🇷",
        "^[ and <U+009B> are plain text",
        "\u00a0\u00ff\u2027\u202f\u2065\u2070" // the neighbours of the escaped ranges
      })
  void returnsCleanTextAsTheSameInstance(String text) {
    assertThat(Sanitizer.clean(text)).isSameAs(text);
  }

  @Test
  void keepsNull() {
    assertThat(Sanitizer.clean(null)).isNull();
  }

  @Test
  void keepsTab() {
    assertThat(Sanitizer.clean("a\tb\t")).isEqualTo("a\tb\t");
  }

  static IntStream c0ControlsButTab() {
    return IntStream.range(0, 0x20).filter(c -> c != '\t');
  }

  @ParameterizedTest(name = "char {0}")
  @MethodSource("c0ControlsButTab")
  void showsEveryC0ControlButTabInCaretNotation(int control) {
    String expected = "a^" + (char) (control + 0x40) + "b";

    assertThat(Sanitizer.clean("a" + (char) control + "b")).isEqualTo(expected);
  }

  static Stream<Arguments> caretNotation() {
    return Stream.of(
        Arguments.of("\u0000", "^@"),
        Arguments.of("\n", "^J"),
        Arguments.of("\r\n", "^M^J"),
        Arguments.of("\u0007", "^G"),
        Arguments.of("\u001b", "^["),
        Arguments.of("\u001b[31mred", "^[[31mred"),
        Arguments.of("\u007f", "^?"),
        Arguments.of("rm\u007f\u007f", "rm^?^?"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("caretNotation")
  void showsControlsInCaretNotation(String raw, String shown) {
    assertThat(Sanitizer.clean(raw)).isEqualTo(shown);
  }

  static IntStream c1Controls() {
    return IntStream.rangeClosed(0x80, 0x9F);
  }

  @ParameterizedTest(name = "char {0}")
  @MethodSource("c1Controls")
  void showsEveryC1ControlAsItsCodePoint(int control) {
    String expected = String.format("a<U+%04X>b", control);

    assertThat(Sanitizer.clean("a" + (char) control + "b")).isEqualTo(expected);
  }

  @Test
  void showsTheEightBitCsiAsItsCodePoint() {
    assertThat(Sanitizer.clean("\u009b31mred")).isEqualTo("<U+009B>31mred");
  }

  static IntStream directionAndSeparators() {
    return IntStream.of(DIRECTION_AND_SEPARATORS);
  }

  @ParameterizedTest(name = "char {0}")
  @MethodSource("directionAndSeparators")
  void showsDirectionControlsAndSeparatorsAsTheirCodePoint(int c) {
    String expected = String.format("a<U+%04X>b", c);

    assertThat(Sanitizer.clean("a" + (char) c + "b")).isEqualTo(expected);
  }

  @Test
  void defusesTrojanSourceReordering() {
    assertThat(Sanitizer.clean("access\u202e \u2066// admin\u2069\u2066"))
        .isEqualTo("access<U+202E> <U+2066>// admin<U+2069><U+2066>");
  }

  @Test
  void defusesAnOsc52ClipboardWrite() {
    String cleaned = Sanitizer.clean("\u001b]52;c;aGVsbG8=\u0007");

    assertThat(cleaned).doesNotContain("\u001b", "\u0007").isEqualTo("^[]52;c;aGVsbG8=^G");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"\u001b]0;pwned\u0007", "\u001b]2;pwned\u001b\\", "\u009d0;pwned\u009c"})
  void defusesAWindowTitleSequence(String sequence) {
    assertThat(Sanitizer.clean("hi " + sequence + " there"))
        .doesNotContain("\u001b", "\u0007", "\u009d", "\u009c")
        .startsWith("hi ")
        .contains("pwned")
        .endsWith(" there");
  }

  static Stream<Arguments> unpairedSurrogates() {
    return Stream.of(
        Arguments.of("a high surrogate at the end", "a\ud83d", "a\ufffd"),
        Arguments.of("a high surrogate before a plain char", "\ud83dx", "\ufffdx"),
        Arguments.of("a lone low surrogate", "\ude00b", "\ufffdb"),
        Arguments.of("a pair in the wrong order", "\ude00\ud83d", "\ufffd\ufffd"),
        Arguments.of("a high surrogate, then a pair", "\ud83d\ud83d\ude00", "\ufffd😀"),
        Arguments.of("a pair, then a high surrogate", "😀\ud83d", "😀\ufffd"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unpairedSurrogates")
  void replacesAnUnpairedSurrogate(String description, String raw, String shown) {
    assertThat(Sanitizer.clean(raw)).isEqualTo(shown);
  }

  @Test
  void keepsASurrogatePairAmongEscapes() {
    assertThat(Sanitizer.clean("😀\u001b😀")).isEqualTo("😀^[😀");
  }

  @Test
  void leavesNothingUnsafeInRandomText() {
    Random random = new Random(0xC1EA7L);
    for (int i = 0; i < 10_000; i++) {
      String raw = randomText(random);
      String cleaned = Sanitizer.clean(raw);

      assertThat(cleaned.chars().filter(SanitizerTest::isUnsafe))
          .as(() -> "unsafe chars in clean(" + escapeJava(raw) + ")")
          .isEmpty();
      assertThat(hasUnpairedSurrogate(cleaned))
          .as(() -> "unpaired surrogate in clean(" + escapeJava(raw) + ")")
          .isFalse();
      assertThat(Sanitizer.clean(cleaned)).as("clean is idempotent").isSameAs(cleaned);
    }
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"200B", "200C", "200D", "2060", "FEFF", "00AD", "2062", "180E", "3164"})
  void showsInvisibleCharactersBetweenLatinLettersAsTheirCodePoint(String hex) {
    String invisible = Character.toString(Integer.parseInt(hex, 16));
    assertThat(Sanitizer.clean("pay" + invisible + "pal")).isEqualTo("pay<U+" + hex + ">pal");
  }

  @Test
  void showsAZeroWidthSpaceThatWouldMakeTwoNamesLookAlike() {
    assertThat(Sanitizer.clean("bob\u200b: you are fired")).isEqualTo("bob<U+200B>: you are fired");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "\uD83D\uDC69\u200D\uD83D\uDCBB", // woman technologist: 👩 ZWJ 💻
        "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", // family: three joined
        "\uD83C\uDFF3\uFE0F\u200D\uD83C\uDF08", // rainbow flag: 🏳 VS16 ZWJ 🌈
        "\uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDE80", // woman astronaut, medium skin tone
        // England's flag: 🏴 then the tags g b e n g and the cancel tag
        "\uD83C\uDFF4\uDB40\uDC67\uDB40\uDC62\uDB40\uDC65\uDB40\uDC6E\uDB40\uDC67\uDB40\uDC7F"
      })
  void keepsTheJoinersAndTagsThatAnEmojiSequenceNeeds(String emoji) {
    assertThat(Sanitizer.clean("look " + emoji + "!")).isEqualTo("look " + emoji + "!");
  }

  @Test
  void showsAJoinerThatIsNotBetweenTwoPictographs() {
    assertThat(Sanitizer.clean("\uD83D\uDC69\u200Dx")).isEqualTo("\uD83D\uDC69<U+200D>x");
    assertThat(Sanitizer.clean("\u200D\uD83D\uDCBB")).isEqualTo("<U+200D>\uD83D\uDCBB");
    assertThat(Sanitizer.clean("a\uDB40\uDC67")).isEqualTo("a<U+E0067>"); // a tag, no flag
  }

  @Test
  void keepsTheJoinersThatPersianAndHindiAreSpeltWith() {
    String persian = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"; // می‌خواهم
    String hindi = "\u0915\u094D\u200D\u0937"; // क्‍ष
    assertThat(Sanitizer.clean(persian)).isSameAs(persian);
    assertThat(Sanitizer.clean(hindi)).isSameAs(hindi);
    assertThat(Sanitizer.clean("\u0645\u200Ca")).isEqualTo("\u0645<U+200C>a"); // not between two
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  /** Every char the Sanitizer's contract says may not reach the terminal. */
  static boolean isUnsafe(int c) {
    return (c < 0x20 && c != '\t')
        || c == 0x7F
        || (c >= 0x80 && c <= 0x9F)
        || IntStream.of(DIRECTION_AND_SEPARATORS).anyMatch(d -> d == c);
  }

  static boolean hasUnpairedSurrogate(String s) {
    // codePoints() yields an unpaired surrogate as a code point of its own.
    return s.codePoints().anyMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF);
  }

  /** Up to 40 characters mixing safe text with everything the Sanitizer must escape. */
  static String randomText(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(41);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(10)) {
        case 0 -> text.append((char) random.nextInt(0x20)); // C0, TAB included
        case 1 -> text.append('\u007f');
        case 2 -> text.append((char) (0x80 + random.nextInt(0x20))); // C1
        case 3 -> text.append((char) DIRECTION_AND_SEPARATORS[random.nextInt(14)]);
        case 4 -> text.append((char) (0xD800 + random.nextInt(0x400))); // high surrogate
        case 5 -> text.append((char) (0xDC00 + random.nextInt(0x400))); // low surrogate
        case 6 -> text.appendCodePoint(0x1F600 + random.nextInt(0x50)); // emoji, a valid pair
        case 7 -> text.append((char) (0x4E00 + random.nextInt(0x5000))); // CJK
        case 8 -> text.append((char) (0x0300 + random.nextInt(0x70))); // combining marks
        default -> text.append((char) (0x20 + random.nextInt(0x5F))); // printable ASCII
      }
    }
    return text.toString();
  }

  static String escapeJava(String s) {
    StringBuilder out = new StringBuilder("\"");
    s.chars()
        .forEach(c -> out.append(c >= 0x20 && c < 0x7F ? "" + (char) c : "\\u%04x".formatted(c)));
    return out.append('"').toString();
  }
}
