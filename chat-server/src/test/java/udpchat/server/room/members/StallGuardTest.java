package udpchat.server.room.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

public class StallGuardTest {

  static final long MS = 1_000_000;

  long nowNanos = 5_000 * MS;
  final StallGuard guard = new StallGuard(Duration.ofSeconds(1), () -> nowNanos);

  @Test
  void sweepsOnTimeMayExpire() {
    for (int i = 0; i < 5; i++) {
      assertThat(guard.mayExpire()).isTrue();
      nowNanos += 1_020 * MS; // the interval and the sweep's own time
    }
  }

  @Test
  void afterAStallTheSweepWaitsOneIntervalForTheReceiverToCatchUp() {
    assertThat(guard.mayExpire()).isTrue();
    nowNanos += 4_000 * MS; // stopped for three seconds
    assertThat(guard.mayExpire()).isFalse();
    nowNanos += 10 * MS; // a sweep that was due during the stall runs at once: still held
    assertThat(guard.mayExpire()).isFalse();
    nowNanos += 989 * MS;
    assertThat(guard.mayExpire()).isFalse();
    nowNanos += 1 * MS; // one interval after the stall ended
    assertThat(guard.mayExpire()).isTrue();
    nowNanos += 1_000 * MS;
    assertThat(guard.mayExpire()).isTrue();
  }

  @Test
  void aGapOfUpToOneAndAHalfIntervalsIsNoStall() {
    assertThat(guard.mayExpire()).isTrue();
    nowNanos += 1_500 * MS;
    assertThat(guard.mayExpire()).isTrue();
    nowNanos += 1_501 * MS;
    assertThat(guard.mayExpire()).isFalse();
  }

  @Test
  void theFirstSweepIsNeverAStall() {
    nowNanos += 60_000 * MS;
    assertThat(guard.mayExpire()).isTrue();
  }
}
