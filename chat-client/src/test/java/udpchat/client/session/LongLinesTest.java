package udpchat.client.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import udpchat.protocol.json.Codec;

class LongLinesTest {

  private final Codec codec = new Codec();

  private List<String> split(String text, int max) {
    return LongLines.split(text, max, codec::textBytes);
  }

  @Test
  void aLineThatFitsIsOneMessage() {
    assertThat(split("hello there", 20)).containsExactly("hello there");
  }

  @Test
  void aLongLineIsCutBetweenWordsAndEveryPartFits() {
    String text = "the quick brown fox jumps over the lazy dog ".repeat(40).strip();
    List<String> parts = split(text, 100);
    assertThat(parts)
        .allSatisfy(part -> assertThat(codec.textBytes(part)).isLessThanOrEqualTo(100));
    assertThat(parts)
        .allSatisfy(part -> assertThat(part).doesNotStartWith(" ").doesNotEndWith(" "));
    assertThat(String.join(" ", parts)).isEqualTo(text);
    for (int i = 0; i + 1 < parts.size(); i++) { // each as long as whole words allow
      String nextWord = parts.get(i + 1).split(" ")[0];
      assertThat(codec.textBytes(parts.get(i) + " " + nextWord)).isGreaterThan(100);
    }
  }

  @Test
  void aWordLongerThanAMessageIsCutInsideItButNeverInsideACharacter() {
    assertThat(split("x".repeat(801), 800)).containsExactly("x".repeat(800), "x");
    List<String> parts = split("👋".repeat(300), 800); // 4 bytes each
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0)).isEqualTo("👋".repeat(200));
    assertThat(String.join("", parts)).isEqualTo("👋".repeat(300));
  }

  @Test
  void whatTheWireEscapesCountsAsItsEscapedBytes() {
    String quotes = "\"".repeat(60); // each a two-byte escape in JSON
    List<String> parts = split(quotes, 100);
    assertThat(parts).containsExactly("\"".repeat(50), "\"".repeat(10));
  }
}
