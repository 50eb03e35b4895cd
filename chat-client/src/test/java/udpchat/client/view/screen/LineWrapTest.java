package udpchat.client.view.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

class LineWrapTest {

  private static List<String> rows(String line, int cols) {
    return LineWrap.rows(new AttributedString(line), cols).stream()
        .map(AttributedString::toString)
        .toList();
  }

  @Test
  void aLineThatFitsIsOneRow() {
    assertThat(rows("19:38:11 <alice> hello", 40)).containsExactly("19:38:11 <alice> hello");
  }

  @Test
  void aLongLineIsCutAtSpacesAndEachLaterRowStartsUnderTheText() {
    assertThat(rows("19:38:11 <alice> the quick brown fox jumps over the lazy dog", 40))
        .containsExactly(
            "19:38:11 <alice> the quick brown fox ", //
            "                 jumps over the lazy dog");
    assertThat(rows("19:38:11 -- /stats what this client dropped and its handshakes", 40))
        .containsExactly(
            "19:38:11 -- /stats what this client ", //
            "            dropped and its handshakes");
  }

  @Test
  void everyRowFitsAndNothingIsLostButTheSpacesCutAt() {
    String text = "19:38:11 <bob> " + "lorem ipsum dolor sit amet ".repeat(20).strip();
    for (int cols = 21; cols <= 120; cols++) {
      int width = cols;
      List<String> rows = rows(text, width);
      assertThat(rows).allSatisfy(row -> assertThat(row.length()).isLessThanOrEqualTo(width));
      String joined = String.join(" ", rows.stream().map(String::strip).toList());
      assertThat(joined).isEqualTo(text);
    }
  }

  @Test
  void aWordLongerThanARowIsCutWhereTheRowEnds() {
    assertThat(rows("19:38:11 <eve> " + "x".repeat(50), 40))
        .containsExactly(
            "19:38:11 <eve> " + "x".repeat(25), //
            "               " + "x".repeat(25));
  }

  @Test
  void aNarrowScreenGetsNoIndentAndWideCharactersCountTwice() {
    assertThat(rows("19:38:11 <alice> one two three", 25))
        .containsExactly("19:38:11 <alice> one two ", "three");
    assertThat(rows("19:38:11 <alice> 日本語のテキストです", 30))
        .containsExactly("19:38:11 <alice> 日本語のテキ", "ストです");
  }

  @Test
  void stylesStayWithTheirCharacters() {
    AttributedString line =
        new AttributedString(
            "19:38:11 <alice> highlighted words wrap", AttributedStyle.DEFAULT.bold());
    List<AttributedString> rows = LineWrap.rows(line, 30);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).styleAt(rows.get(1).length() - 1)).isEqualTo(AttributedStyle.BOLD);
  }
}
