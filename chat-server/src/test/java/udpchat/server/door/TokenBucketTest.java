package udpchat.server.door;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The token buckets of the flood gate, at exact instants. */
public class TokenBucketTest {

  @Test
  void aBurstGoesAtOnceThenTheRateHoldsToTheMillisecond() {
    TokenBucket bucket = new TokenBucket(10, 5, 0); // a token every 100 ms
    for (int i = 0; i < 5; i++) {
      assertThat(bucket.take(0)).isTrue();
    }
    assertThat(bucket.take(0)).isFalse();
    assertThat(bucket.take(99)).isFalse();
    assertThat(bucket.take(100)).isTrue();
    assertThat(bucket.take(100)).isFalse();
    assertThat(bucket.take(300)).isTrue();
    assertThat(bucket.take(300)).isTrue();
    assertThat(bucket.take(300)).isFalse();
  }

  @Test
  void anIdleBucketHoldsNoMoreThanTheBurst() {
    TokenBucket bucket = new TokenBucket(1000, 3, 0);
    int taken = 0;
    while (bucket.take(3_600_000)) {
      taken++;
    }
    assertThat(taken).isEqualTo(3);
  }

  @Test
  void aClockThatGoesBackAddsNothing() {
    TokenBucket bucket = new TokenBucket(10, 1, 1000);
    assertThat(bucket.take(1000)).isTrue();
    assertThat(bucket.take(0)).isFalse();
    assertThat(bucket.take(1099)).isFalse();
    assertThat(bucket.take(1100)).isTrue();
  }

  @Test
  void aBucketIsFullOnceItHasGainedBackWhatWasTaken() {
    TokenBucket bucket = new TokenBucket(10, 2, 0);
    assertThat(bucket.full(0)).isTrue();
    assertThat(bucket.take(0)).isTrue();
    assertThat(bucket.full(0)).isFalse();
    assertThat(bucket.full(99)).isFalse();
    assertThat(bucket.full(100)).isTrue();
  }
}
