package udpchat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The simulated members ack on timer ticks of their own, 10 ms apart, as the client does. */
class AckTickTest {

  static final long TICK = AckSchedule.TICK_NS;

  @Test
  void anAckWaitsForTheMembersNextTickAndEveryMemberHasItsOwnPhase() {
    Set<Long> phases = new HashSet<>();
    for (int index = 0; index < 100; index++) {
      SimMember member = new SimMember(index, null, null, "c" + index);
      long phase = AckSchedule.onTick(member, 0);
      assertThat(phase).isBetween(0L, TICK - 1);
      for (long due : new long[] {1, 3 * TICK + 7, 1_000_000_123L}) {
        long sent = AckSchedule.onTick(member, due);
        assertThat(sent - due).isBetween(0L, TICK - 1);
        assertThat(Math.floorMod(sent, TICK)).isEqualTo(phase); // always on its own tick
      }
      phases.add(phase / 1_000_000); // the millisecond of its tick
    }
    assertThat(phases).hasSize(10); // a room's acks spread over the whole 10 ms
  }
}
