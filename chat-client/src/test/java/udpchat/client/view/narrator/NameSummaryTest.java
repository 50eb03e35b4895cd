package udpchat.client.view.narrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameSummaryTest {

  @Test
  void oneTwoAndThreeNamesAreNamedInFull() {
    assertThat(NameSummary.of(List.of("alice"))).isEqualTo("alice");
    assertThat(NameSummary.of(List.of("alice", "bob"))).isEqualTo("alice and bob");
    assertThat(NameSummary.of(List.of("alice", "bob", "carol"))).isEqualTo("alice, bob and carol");
  }

  @Test
  void aBurstNamesTheFirstTwoAndCountsTheOthers() {
    List<String> names = new ArrayList<>(List.of("alice", "bob"));
    for (int i = 0; i < 23; i++) {
      names.add("m" + i);
    }
    assertThat(NameSummary.of(names)).isEqualTo("alice, bob and 23 others");
    assertThat(NameSummary.of(List.of("a", "b", "c", "d"))).isEqualTo("a, b and 2 others");
  }

  @Test
  void noNamesIsNobody() {
    assertThat(NameSummary.of(List.of())).isEqualTo("nobody");
  }
}
