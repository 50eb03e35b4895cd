package udpchat.client.view.screen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ScrollbackRingTest {

  @Test
  void keepsEveryLineUpToItsCapacityInOrder() {
    ScrollbackRing<String> ring = new ScrollbackRing<>(3);
    ring.add("a");
    ring.add("b");
    assertThat(ring.first()).isZero();
    assertThat(ring.next()).isEqualTo(2);
    assertThat(ring.size()).isEqualTo(2);
    assertThat(ring.get(0)).isEqualTo("a");
    assertThat(ring.get(1)).isEqualTo("b");
  }

  @Test
  void beyondItsCapacityTheOldestFallOffAndTheNumbersStay() {
    ScrollbackRing<String> ring = new ScrollbackRing<>(3);
    for (int i = 0; i < 10_000; i++) {
      ring.add("line " + i);
    }
    assertThat(ring.size()).isEqualTo(3);
    assertThat(ring.first()).isEqualTo(9_997);
    assertThat(ring.get(9_997)).isEqualTo("line 9997");
    assertThat(ring.get(9_999)).isEqualTo("line 9999");
    assertThatThrownBy(() -> ring.get(9_996))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("not kept");
    assertThatThrownBy(() -> ring.get(10_000)).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void aCapacityBelowOneIsRefused() {
    assertThatThrownBy(() -> new ScrollbackRing<String>(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
