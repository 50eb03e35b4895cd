package udpchat.client.view.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameColoursTest {

  final NameColours colours = new NameColours(12);

  @Test
  void twelveMembersPresentHaveTwelveColours() {
    List<String> present = new ArrayList<>();
    List<Integer> given = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      present.add("member" + i);
      given.add(colours.of("member" + i, present));
    }
    assertThat(given).doesNotHaveDuplicates();
  }

  @Test
  void aNameKeepsItsColourForTheSessionIgnoringCase() {
    int bob = colours.of("bob", List.of("bob"));
    for (int i = 0; i < 30; i++) {
      colours.of("x" + i, List.of("bob"));
    }
    assertThat(colours.of("BOB", List.of())).isEqualTo(bob);
  }

  @Test
  void aNameThatLeftFreesItsColourForANewcomer() {
    List<String> present = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      present.add("member" + i);
      colours.of("member" + i, present);
    }
    int leaver = colours.of("member3", present);
    present.remove("member3");
    present.add("newcomer");
    assertThat(colours.of("newcomer", present)).isEqualTo(leaver);
  }
}
