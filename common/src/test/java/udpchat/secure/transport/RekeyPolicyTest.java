package udpchat.secure.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The rekey and reject limits at exact message counts and instants, without a clock. */
class RekeyPolicyTest {

  private static final long START = 1_000_000_000L; // an arbitrary nanoTime origin
  private final RekeyPolicy policy =
      new RekeyPolicy(100, Duration.ofSeconds(120), 200, Duration.ofSeconds(180));

  @Test
  void rekeyIsDueAfterTheMessagesOrTheTime() {
    long justBefore = START + Duration.ofSeconds(120).toNanos() - 1;
    assertThat(policy.rekeyDue(99, START, justBefore)).isFalse();
    assertThat(policy.rekeyDue(100, START, START)).isTrue();
    assertThat(policy.rekeyDue(0, START, justBefore + 1)).isTrue();
    assertThat(policy.expired(199, START, justBefore + 1)).isFalse();
  }

  @Test
  void keysExpireAfterTheRejectLimits() {
    long rejectAt = START + Duration.ofSeconds(180).toNanos();
    assertThat(policy.expired(199, START, rejectAt - 1)).isFalse();
    assertThat(policy.expired(200, START, START)).isTrue();
    assertThat(policy.expired(0, START, rejectAt)).isTrue();
  }

  @Test
  void theDefaultIsDocumented() {
    assertThat(RekeyPolicy.DEFAULT.rekeyAfterMessages()).isEqualTo(1L << 20);
    assertThat(RekeyPolicy.DEFAULT.rekeyAfter()).isEqualTo(Duration.ofMinutes(2));
    assertThat(RekeyPolicy.DEFAULT.rejectAfterMessages()).isEqualTo(1L << 21);
    assertThat(RekeyPolicy.DEFAULT.rejectAfter()).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void rejectingBeforeRekeyingIsRefused() {
    assertThatThrownBy(() -> new RekeyPolicy(100, Duration.ofSeconds(1), 99, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RekeyPolicy(1, Duration.ofSeconds(2), 1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RekeyPolicy(1, Duration.ZERO, 1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
