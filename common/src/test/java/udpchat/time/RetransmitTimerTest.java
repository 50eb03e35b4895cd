package udpchat.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retransmission timeout at exact values: RFC 6298's arithmetic, the clamps, the backoff. */
class RetransmitTimerTest {

  static final long MS = 1_000_000L;

  /** RFC 6298's own parameters: 1 s initially, no floor to speak of, 60 s ceiling, no allowance. */
  static RetransmitTimer rfc() {
    return new RetransmitTimer(
        Duration.ofSeconds(1), Duration.ofMillis(1), Duration.ofSeconds(60), Duration.ZERO);
  }

  @Test
  void theInitialTimeoutHoldsUntilTheFirstSample() {
    RetransmitTimer timer = rfc();
    assertThat(timer.timeoutNs()).isEqualTo(1000 * MS);
    assertThat(timer.smoothedNs()).isEqualTo(-1);
    assertThat(timer.samples()).isZero();
  }

  @Test
  void theFirstSampleSetsSrttToItAndRttvarToHalfOfIt() {
    RetransmitTimer timer = rfc();
    timer.onSample(100 * MS);
    assertThat(timer.smoothedNs()).isEqualTo(100 * MS);
    assertThat(timer.variationNs()).isEqualTo(50 * MS);
    assertThat(timer.timeoutNs()).isEqualTo(300 * MS); // 100 + 4 x 50
  }

  @Test
  void laterSamplesAreSmoothedWithAnEighthAndAQuarter() {
    RetransmitTimer timer = rfc();
    timer.onSample(100 * MS);
    timer.onSample(200 * MS);
    // RTTVAR = 3/4 x 50 + 1/4 x |100 - 200| = 62.5; SRTT = 7/8 x 100 + 1/8 x 200 = 112.5
    assertThat(timer.variationNs()).isEqualTo(62_500_000);
    assertThat(timer.smoothedNs()).isEqualTo(112_500_000);
    assertThat(timer.timeoutNs()).isEqualTo(362_500_000); // 112.5 + 4 x 62.5

    timer.onSample(50 * MS);
    // RTTVAR uses the SRTT from before the sample: 3/4 x 62.5 + 1/4 x |112.5 - 50| = 62.5
    assertThat(timer.variationNs()).isEqualTo(62_500_000);
    assertThat(timer.smoothedNs()).isEqualTo(104_687_500); // 7/8 x 112.5 + 1/8 x 50
    assertThat(timer.timeoutNs()).isEqualTo(354_687_500);
    assertThat(timer.samples()).isEqualTo(3);
  }

  @Test
  void steadySamplesLeaveTheGranularityAsTheVariationTerm() {
    RetransmitTimer timer = rfc();
    for (int i = 0; i < 100; i++) {
      timer.onSample(10 * MS);
    }
    assertThat(timer.smoothedNs()).isEqualTo(10 * MS);
    assertThat(4 * timer.variationNs()).isLessThan(RetransmitTimer.GRANULARITY_NS);
    assertThat(timer.timeoutNs()).isEqualTo(10 * MS + RetransmitTimer.GRANULARITY_NS);
  }

  @Test
  void theAllowanceIsAddedAndTheResultClamped() {
    RetransmitTimer timer =
        new RetransmitTimer(
            Duration.ofMillis(250),
            Duration.ofMillis(30),
            Duration.ofSeconds(1),
            Duration.ofMillis(5));
    timer.onSample(0);
    assertThat(timer.timeoutNs()).isEqualTo(30 * MS); // 0 + 1 + 5, raised to the floor
    timer.onSample(-3 * MS); // a clock stepped back: taken as 0
    assertThat(timer.smoothedNs()).isZero();

    RetransmitTimer slow =
        new RetransmitTimer(
            Duration.ofMillis(250),
            Duration.ofMillis(30),
            Duration.ofSeconds(1),
            Duration.ofMillis(5));
    slow.onSample(20 * MS);
    assertThat(slow.timeoutNs()).isEqualTo(65 * MS); // 20 + 4 x 10 + 5
    slow.onSample(900 * MS);
    assertThat(slow.timeoutNs()).isEqualTo(1000 * MS); // 130 + 4 x 227.5 + 5, cut to the ceiling
  }

  @Test
  void eachUnansweredTryDoublesTheTimeoutUpToTheMaximum() {
    RetransmitTimer timer = RetransmitTimer.forMessages();
    assertThat(timer.timeoutNs(0)).isEqualTo(250 * MS);
    assertThat(timer.timeoutNs(1)).isEqualTo(500 * MS);
    assertThat(timer.timeoutNs(2)).isEqualTo(1000 * MS);
    assertThat(timer.timeoutNs(3)).isEqualTo(1000 * MS);
    assertThat(timer.timeoutNs(Integer.MAX_VALUE)).isEqualTo(1000 * MS);

    timer.onSample(1 * MS); // a LAN: 1 + 4 x 0.5 + 5 = 8, raised to 30
    assertThat(timer.timeoutNs(0)).isEqualTo(30 * MS);
    assertThat(timer.timeoutNs(1)).isEqualTo(60 * MS);
    assertThat(timer.timeoutNs(2)).isEqualTo(120 * MS);
    assertThat(timer.timeoutNs(5)).isEqualTo(960 * MS);
    assertThat(timer.timeoutNs(6)).isEqualTo(1000 * MS);
  }

  @Test
  void theMessagesTimerStartsAsTheClientAlwaysDidAndFollowsALanDown() {
    RetransmitTimer timer = RetransmitTimer.forMessages();
    assertThat(timer.timeoutNs()).isEqualTo(250 * MS);
    timer.onSample(40 * MS); // 40 + 4 x 20 + 5
    assertThat(timer.timeoutNs()).isEqualTo(125 * MS);
    for (int i = 0; i < 50; i++) {
      timer.onSample(MS);
    }
    assertThat(timer.timeoutNs()).isEqualTo(30 * MS);
  }

  @Test
  void timersSharingTheirSettingsKeepTheirOwnEstimates() {
    RetransmitTimer.Settings settings =
        RetransmitTimer.Settings.of(
            Duration.ofMillis(250), Duration.ofMillis(80), Duration.ofSeconds(1), Duration.ZERO);
    RetransmitTimer near = new RetransmitTimer(settings);
    RetransmitTimer far = new RetransmitTimer(settings);
    near.onSample(50 * MS);
    far.onSample(300 * MS);
    assertThat(near.timeoutNs()).isEqualTo(150 * MS); // 50 + 4 x 25
    assertThat(far.timeoutNs()).isEqualTo(900 * MS); // 300 + 4 x 150
    assertThat(new RetransmitTimer(settings).timeoutNs()).isEqualTo(250 * MS);
    assertThat(near.settings()).isSameAs(far.settings());
  }

  @Test
  void parametersOutOfOrderAreRefused() {
    assertThatThrownBy(
            () ->
                new RetransmitTimer(
                    Duration.ofMillis(10),
                    Duration.ofMillis(30),
                    Duration.ofSeconds(1),
                    Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("min <= initial");
    assertThatThrownBy(
            () ->
                new RetransmitTimer(
                    Duration.ofSeconds(2),
                    Duration.ofMillis(30),
                    Duration.ofSeconds(1),
                    Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new RetransmitTimer(
                    Duration.ofMillis(250),
                    Duration.ofMillis(30),
                    Duration.ofSeconds(1),
                    Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
