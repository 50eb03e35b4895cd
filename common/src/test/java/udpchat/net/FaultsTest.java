package udpchat.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FaultsTest {

  @Test
  void describesItselfForALogLine() {
    Faults faults = new Faults(0.2, 0.1, 0.1, 0.1, Duration.ofMillis(50), 42);

    assertThat(faults.describe())
        .isEqualTo("loss 20%, duplicate 10%, reorder 10%, delay 10% up to 50ms, seed 42");
    assertThat(faults).hasToString(faults.describe());
    assertThat(new Faults(0.125, 0, 0, 0, Duration.ZERO, -1).describe()).startsWith("loss 12.5%, ");
  }

  @Test
  void noneIsNoFault() {
    assertThat(Faults.NONE.any()).isFalse();
    assertThat(Faults.NONE.describe()).isEqualTo("no faults");
    assertThat(new Faults(0, 0, 0, 0, Duration.ofSeconds(1), 7).any()).isFalse();
    assertThat(new Faults(0, 0, 0, 0.01, Duration.ZERO, 7).any()).isTrue();
  }

  @Test
  void acceptsTheEndsOfTheRanges() {
    Faults faults = new Faults(1, 0, 1, 0, Faults.MAX_DELAY_LIMIT, 0);

    assertThat(faults.loss()).isEqualTo(1);
    assertThat(faults.maxDelay()).isEqualTo(Duration.ofHours(1));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(doubles = {-0.1, 1.5, Double.NaN, Double.POSITIVE_INFINITY})
  void refusesAProbabilityOutsideZeroToOne(double p) {
    assertThatThrownBy(() -> new Faults(0, 0, p, 0, Duration.ZERO, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reorder must be a probability from 0 to 1, not " + p);
  }

  @Test
  void refusesANegativeMissingOrHugeMaxDelay() {
    for (Duration maxDelay : new Duration[] {Duration.ofMillis(-1), null, Duration.ofHours(2)}) {
      assertThatThrownBy(() -> new Faults(0, 0, 0, 0, maxDelay, 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("maxDelay must be between 0 and 1h");
    }
  }
}
