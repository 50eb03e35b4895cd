package udpchat.client.view.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class InputLineTest {

  @Test
  void upAndDownGoThroughEarlierLinesAndBackToTheOneBeingTyped() {
    InputLine line = new InputLine(List.of("from the last run"));
    line.insert("first");
    assertThat(line.submit()).isEqualTo("first");
    line.insert("half");
    line.up();
    assertThat(line.text()).isEqualTo("first");
    line.up();
    assertThat(line.text()).isEqualTo("from the last run");
    line.up();
    assertThat(line.text()).as("nothing older").isEqualTo("from the last run");
    line.down();
    line.down();
    assertThat(line.text()).isEqualTo("half");
    assertThat(line.cursor()).isEqualTo(4);
  }

  @Test
  void editingMovesByCharactersNotByHalvesOfThem() {
    InputLine line = new InputLine(List.of());
    line.insert("a👋b");
    line.left();
    line.left();
    assertThat(line.cursor()).isEqualTo(1);
    line.delete();
    assertThat(line.text()).isEqualTo("ab");
    line.end();
    line.backspace();
    line.home();
    line.insert(">");
    assertThat(line.text()).isEqualTo(">a");
  }

  @Test
  void theHistoryKeepsItsLastLinesAndNoBlankOrRepeatedOne() {
    InputLine line = new InputLine(List.of());
    for (int i = 0; i < InputLine.HISTORY_LINES + 5; i++) {
      line.insert("line " + i);
      line.submit();
    }
    line.insert("line " + (InputLine.HISTORY_LINES + 4));
    line.submit();
    line.insert("   ");
    line.submit();
    line.up();
    assertThat(line.text()).isEqualTo("line " + (InputLine.HISTORY_LINES + 4));
    line.up();
    assertThat(line.text()).isEqualTo("line " + (InputLine.HISTORY_LINES + 3));
    for (int i = 0; i < InputLine.HISTORY_LINES + 10; i++) {
      line.up();
    }
    assertThat(line.text()).isEqualTo("line 5");
  }
}
