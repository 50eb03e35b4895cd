package udpchat.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.stream.Arrivals.ACK_DELAY_MS;
import static udpchat.stream.Arrivals.GAP_ACK_INTERVAL_MS;
import static udpchat.stream.Arrivals.MAX_HELD;
import static udpchat.stream.Arrivals.NEVER;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import udpchat.stream.Arrivals.Verdict;

/**
 * The receiving half of a member's stream as both the client and the load generator use it: the
 * verdicts, the held events let through in order, the copy of what waits, and when the next ack is
 * due. (The client's {@code InboxTest} holds the ordering and the acks to exact instants.)
 */
class ArrivalsTest {

  /** What the load generator offers: one object, refilled for every event. */
  static final class Reused {
    long seq;

    Reused copy() {
      Reused copy = new Reused();
      copy.seq = seq;
      return copy;
    }
  }

  final Arrivals<String> arrivals = new Arrivals<>();

  List<String> ready() {
    List<String> ready = new ArrayList<>();
    for (String next = arrivals.nextReady(); next != null; next = arrivals.nextReady()) {
      ready.add(next);
    }
    return ready;
  }

  @Test
  void eachEventIsNamedForWhereItStands() {
    assertThat(arrivals.offer(1, 0, "1", 0)).isEqualTo(Verdict.NEXT);
    assertThat(arrivals.offer(3, 2, "3", 0)).isEqualTo(Verdict.EARLY);
    assertThat(arrivals.offer(3, 2, "3", 0)).isEqualTo(Verdict.EARLY_COPY);
    assertThat(arrivals.offer(1, 0, "1", 0)).isEqualTo(Verdict.DUPLICATE);
    assertThat(arrivals.offer(5, 0, "5", 0)).isEqualTo(Verdict.ASTRAY);
    assertThat(arrivals.duplicates()).isEqualTo(1);
    assertThat(arrivals.early()).isEqualTo(2);
    assertThat(arrivals.shown()).isEqualTo(1);
  }

  @Test
  void theEventThatFillsAGapLetsTheHeldOnesThroughInOrder() {
    arrivals.offer(4, 3, "4", 0);
    arrivals.offer(3, 2, "3", 0);
    arrivals.offer(2, 1, "2", 0);
    assertThat(ready()).isEmpty();

    assertThat(arrivals.offer(1, 0, "1", 10)).isEqualTo(Verdict.NEXT);
    assertThat(ready()).containsExactly("2", "3", "4");
    assertThat(arrivals.shown()).isEqualTo(4);
    assertThat(arrivals.missingTo()).isNull();
  }

  @Test
  void whatTheCallerDidNotTakeIsForgottenAtTheNextOffer() {
    arrivals.offer(2, 1, "2", 0);
    arrivals.offer(1, 0, "1", 0);
    arrivals.offer(3, 2, "3", 0);
    assertThat(ready()).isEmpty();
    assertThat(arrivals.shown()).isEqualTo(3);
  }

  @Test
  void onlyAnEventThatWaitsIsCopied() {
    List<Reused> copies = new ArrayList<>();
    Arrivals<Reused> reusing =
        new Arrivals<>(
            event -> {
              Reused copy = event.copy();
              copies.add(copy);
              return copy;
            });
    Reused reading = new Reused();

    reading.seq = 1;
    assertThat(reusing.offer(1, 0, reading, 0)).isEqualTo(Verdict.NEXT);
    reading.seq = 3;
    assertThat(reusing.offer(3, 2, reading, 0)).isEqualTo(Verdict.EARLY);
    reading.seq = 3;
    assertThat(reusing.offer(3, 2, reading, 0)).isEqualTo(Verdict.EARLY_COPY);
    assertThat(copies).hasSize(1);

    reading.seq = 2; // the offered object is refilled; what was held is not
    assertThat(reusing.offer(2, 1, reading, 0)).isEqualTo(Verdict.NEXT);
    assertThat(reusing.nextReady()).isSameAs(copies.get(0));
    assertThat(copies.get(0).seq).isEqualTo(3);
  }

  @Test
  void ackDueAtSaysWhenAckDueTurnsTrue() {
    assertThat(arrivals.ackDueAtMs()).isEqualTo(NEVER);
    arrivals.offer(1, 0, "1", 100);
    assertThat(arrivals.ackDueAtMs()).isEqualTo(100 + ACK_DELAY_MS);
    assertThat(arrivals.ackDue(100 + ACK_DELAY_MS - 1)).isFalse();
    assertThat(arrivals.ackDue(100 + ACK_DELAY_MS)).isTrue();
    assertThat(arrivals.ackDueAtMs()).isEqualTo(NEVER);

    arrivals.offer(3, 2, "3", 200); // a gap: the ack after the delay, then every gap interval
    assertThat(arrivals.ackDueAtMs()).isEqualTo(200 + ACK_DELAY_MS);
    assertThat(arrivals.ackDue(200 + ACK_DELAY_MS)).isTrue();
    long repeatMs = 200 + ACK_DELAY_MS + GAP_ACK_INTERVAL_MS;
    assertThat(arrivals.ackDueAtMs()).isEqualTo(repeatMs);
    assertThat(arrivals.ackDue(repeatMs - 1)).isFalse();
    assertThat(arrivals.ackDue(repeatMs)).isTrue();

    arrivals.offer(2, 1, "2", repeatMs + 5); // the gap closes
    assertThat(arrivals.ackDueAtMs()).isEqualTo(repeatMs + 5 + ACK_DELAY_MS);
  }

  @Test
  void beyondMaxHeldAnEarlyEventIsDropped() {
    for (long seq = 2; seq < 2 + MAX_HELD; seq++) {
      arrivals.offer(seq + 1, seq, String.valueOf(seq + 1), 0); // 2 is missing throughout
    }
    assertThat(arrivals.offer(MAX_HELD + 10, MAX_HELD + 9, "dropped", 0)).isEqualTo(Verdict.EARLY);

    arrivals.offer(1, 0, "1", 0);
    assertThat(arrivals.offer(2, 1, "2", 0)).isEqualTo(Verdict.NEXT);
    assertThat(ready()).hasSize(MAX_HELD).doesNotContain("dropped");
    assertThat(arrivals.shown()).isEqualTo(MAX_HELD + 2);
  }

  /** The load generator takes every event of its members on the server's two cores. */
  @Test
  void anEventInOrderAllocatesNothing() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    String event = "the same event object every time";
    for (long seq = 1; seq <= 20_000; seq++) { // warm up, and so the JIT has its say
      arrivals.offer(seq, seq - 1, event, seq);
      arrivals.ackDue(seq);
    }
    long before = threads.getThreadAllocatedBytes(thread);
    for (long seq = 20_001; seq <= 120_000; seq++) {
      arrivals.offer(seq, seq - 1, event, seq);
      arrivals.ackDue(seq);
    }
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertThat(allocated).isLessThan(10_000); // 100,000 events: under a byte each
  }
}
