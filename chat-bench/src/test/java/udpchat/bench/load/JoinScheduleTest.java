package udpchat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Joins start at most {@value JoinSchedule#STARTS_PER_S} a second (each is a handshake at both
 * ends), and no more than the window are on their way at once.
 */
class JoinScheduleTest {

  static final long GAP = 1_000_000_000L / JoinSchedule.STARTS_PER_S;

  final List<SimMember> members = new ArrayList<>();

  JoinScheduleTest() {
    for (int i = 0; i < 1000; i++) {
      members.add(new SimMember(i, null, null, "c" + i));
    }
  }

  /** Before: every member of the window started in the same turn, 64 handshakes at once. */
  @Test
  void startsAtTheRateAndCatchesUpOnlyAShortBurstAfterALateTurn() {
    JoinSchedule joins = new JoinSchedule(64);
    joins.queue(members);
    long now = 5_000_000_000L;
    assertThat(startedAt(joins, now))
        .isEqualTo(JoinSchedule.START_BURST); // a short burst to begin with
    assertThat(startedAt(joins, now + GAP - 1)).isZero();
    assertThat(startedAt(joins, now + GAP)).isEqualTo(1);
    assertThat(startedAt(joins, now + GAP + 1)).isZero();
    // A turn a second late owes 200 starts but makes up only a burst: the rate holds.
    assertThat(startedAt(joins, now + 1_000_000_000L)).isEqualTo(JoinSchedule.START_BURST);
  }

  @Test
  void theWindowStillBoundsTheJoinsOnTheirWay() {
    JoinSchedule joins = new JoinSchedule(2);
    joins.queue(members);
    long now = 0;
    int started = 0;
    for (int turn = 0; turn < 100; turn++, now += GAP) {
      started += startedAt(joins, now);
    }
    assertThat(started).isEqualTo(2);
    joins.welcomed();
    assertThat(startedAt(joins, now)).isEqualTo(1);
  }

  private static int startedAt(JoinSchedule joins, long nowNs) {
    int started = 0;
    while (joins.nextToStart(nowNs) != null) {
      started++;
    }
    return started;
  }
}
