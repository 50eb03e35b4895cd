package udpchat.client.session.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.client.session.stream.Inbox.ACK_DELAY_MS;
import static udpchat.client.session.stream.Inbox.GAP_ACK_INTERVAL_MS;

import java.util.List;
import org.junit.jupiter.api.Test;
import udpchat.client.session.stream.Inbox.Arrival;
import udpchat.protocol.Chat;
import udpchat.protocol.Lost;

/** The client's ordering of its stream of room events, and when it acks, at exact instants. */
public class InboxTest {

  final Inbox inbox = new Inbox();

  static Arrival chat(long seq, long prev) {
    return new Arrival(
        seq, prev, new Chat(seq, prev, 1000 + seq, "bob", "m" + seq, false, null, null));
  }

  static List<Long> seqs(List<Arrival> arrivals) {
    return arrivals.stream().map(Arrival::seq).toList();
  }

  @Test
  void inOrderEventsAreShownAtOnce() {
    assertThat(seqs(inbox.offer(chat(1, 0), 10))).containsExactly(1L);
    assertThat(seqs(inbox.offer(chat(2, 1), 11))).containsExactly(2L);
    assertThat(inbox.shown()).isEqualTo(2);
    assertThat(inbox.missingTo()).isNull();
  }

  @Test
  void anEarlyEventIsHeldAndShownAfterTheOneItFollows() {
    assertThat(inbox.offer(chat(2, 1), 10)).isEmpty();
    assertThat(inbox.shown()).isZero();
    assertThat(inbox.early()).isEqualTo(1);

    assertThat(seqs(inbox.offer(chat(1, 0), 20))).containsExactly(1L, 2L);
    assertThat(inbox.shown()).isEqualTo(2);
    assertThat(inbox.missingTo()).isNull();
  }

  @Test
  void aFilledGapThatShowsTheNextOneIsAskedForAtOnce() {
    inbox.offer(chat(1, 0), 0);
    inbox.offer(chat(3, 2), 1); // 2 missing
    inbox.offer(chat(5, 4), 2); // 4 missing
    assertThat(inbox.ackDue(ACK_DELAY_MS)).isTrue();
    assertThat(inbox.missingTo()).isEqualTo(2);

    assertThat(seqs(inbox.offer(chat(2, 1), 60))).containsExactly(2L, 3L);
    assertThat(inbox.missingTo()).isEqualTo(4);
    assertThat(inbox.ackDue(60)).isTrue(); // not 50 ms later: 5 came long ago, 4 is lost

    assertThat(seqs(inbox.offer(chat(4, 3), 61))).containsExactly(4L, 5L);
    assertThat(inbox.missingTo()).isNull();
    assertThat(inbox.ackDue(61)).isFalse(); // nothing more missing: the usual delay
    assertThat(inbox.ackDue(61 + ACK_DELAY_MS)).isTrue();
  }

  @Test
  void aDuplicateIsDroppedCountedAndMakesAnAckDue() {
    inbox.offer(chat(1, 0), 0);
    inbox.offer(chat(2, 1), 0);
    assertThat(inbox.ackDue(ACK_DELAY_MS)).isTrue(); // the ack for 1 and 2 went out

    assertThat(inbox.offer(chat(2, 1), 1000)).isEmpty();
    assertThat(inbox.offer(chat(1, 0), 1000)).isEmpty();
    assertThat(inbox.duplicates()).isEqualTo(2);
    assertThat(inbox.shown()).isEqualTo(2);
    assertThat(inbox.ackDue(1000 + ACK_DELAY_MS - 1)).isFalse();
    assertThat(inbox.ackDue(1000 + ACK_DELAY_MS)).isTrue();
  }

  @Test
  void anAckIsDueExactlyAckDelayAfterAnArrivalAndOnlyOnce() {
    inbox.offer(chat(1, 0), 100);
    assertThat(inbox.ackDue(100)).isFalse();
    assertThat(inbox.ackDue(100 + ACK_DELAY_MS - 1)).isFalse();
    assertThat(inbox.ackDue(100 + ACK_DELAY_MS)).isTrue();
    assertThat(inbox.ackDue(100 + ACK_DELAY_MS + 1)).isFalse();
    assertThat(inbox.ackDue(10_000)).isFalse(); // nothing new came
  }

  @Test
  void aBurstCostsOneAckDueAfterItsFirstEvent() {
    inbox.offer(chat(1, 0), 100);
    inbox.offer(chat(2, 1), 120);
    inbox.offer(chat(3, 2), 140);
    assertThat(inbox.ackDue(100 + ACK_DELAY_MS - 1)).isFalse();
    assertThat(inbox.ackDue(100 + ACK_DELAY_MS)).isTrue();
    assertThat(inbox.shown()).isEqualTo(3);
    assertThat(inbox.ackDue(140 + ACK_DELAY_MS)).isFalse();
  }

  /**
   * The code's own comment in {@code offer}: an early event is acked after the delay, "not at
   * once", since the missing one usually follows within milliseconds. The class Javadoc says "at
   * once" instead; this test holds the code to its comment and to the brief (an ack is not due
   * before ACK_DELAY_MS after an arrival).
   */
  @Test
  void anEarlyEventIsAckedAfterTheDelayNotAtOnce() {
    inbox.offer(chat(2, 1), 100);
    assertThat(inbox.ackDue(100)).isFalse();
    assertThat(inbox.ackDue(100 + ACK_DELAY_MS - 1)).isFalse();
    assertThat(inbox.ackDue(100 + ACK_DELAY_MS)).isTrue();
    assertThat(inbox.missingTo()).isEqualTo(1);
  }

  @Test
  void whileAnEventIsHeldTheAckNamesWhatIsMissingAndRepeatsEveryGapInterval() {
    inbox.offer(chat(1, 0), 0);
    assertThat(inbox.ackDue(ACK_DELAY_MS)).isTrue();

    inbox.offer(chat(5, 4), 60); // 2, 3 and 4 missing
    assertThat(inbox.missingTo()).isEqualTo(4);
    assertThat(inbox.shown()).isEqualTo(1);
    assertThat(inbox.ackDue(60 + ACK_DELAY_MS - 1)).isFalse();
    assertThat(inbox.ackDue(60 + ACK_DELAY_MS)).isTrue();
    long ackedMs = 60 + ACK_DELAY_MS;

    for (int repeat = 0; repeat < 3; repeat++) {
      assertThat(inbox.ackDue(ackedMs + GAP_ACK_INTERVAL_MS - 1)).isFalse();
      assertThat(inbox.ackDue(ackedMs + GAP_ACK_INTERVAL_MS)).isTrue();
      assertThat(inbox.missingTo()).isEqualTo(4);
      ackedMs += GAP_ACK_INTERVAL_MS;
    }

    // 2 comes: still a gap (3 and 4), still asked for by the held event's predecessor.
    inbox.offer(chat(2, 1), ackedMs + 1);
    assertThat(inbox.missingTo()).isEqualTo(4);

    // 3 and 4 come: the gap closes, and the acks stop repeating.
    assertThat(seqs(inbox.offer(chat(3, 2), ackedMs + 2))).containsExactly(3L);
    assertThat(seqs(inbox.offer(chat(4, 3), ackedMs + 3))).containsExactly(4L, 5L);
    assertThat(inbox.missingTo()).isNull();
    assertThat(inbox.ackDue(ackedMs + 1 + ACK_DELAY_MS)).isTrue();
    long lastAckMs = ackedMs + 1 + ACK_DELAY_MS;
    assertThat(inbox.ackDue(lastAckMs + GAP_ACK_INTERVAL_MS)).isFalse();
    assertThat(inbox.ackDue(lastAckMs + 10 * GAP_ACK_INTERVAL_MS)).isFalse();
  }

  @Test
  void missingToIsThePredecessorOfTheFirstEventHeld() {
    inbox.offer(chat(7, 6), 0);
    inbox.offer(chat(4, 3), 0);
    assertThat(inbox.missingTo()).isEqualTo(3);
  }

  @Test
  void resetForgetsWhatWasHeld() {
    inbox.offer(chat(2, 1), 0);
    assertThat(inbox.missingTo()).isEqualTo(1);

    inbox.reset(0);
    assertThat(inbox.missingTo()).isNull();
    assertThat(inbox.shown()).isZero();
    assertThat(seqs(inbox.offer(chat(1, 0), 10))).containsExactly(1L); // 2 is not shown with it
    assertThat(inbox.shown()).isEqualTo(1);
  }

  @Test
  void resetStartsTheStreamAfterTheWelcomesStart() {
    inbox.offer(chat(1, 0), 0);
    inbox.reset(40);
    assertThat(inbox.shown()).isEqualTo(40);
    assertThat(inbox.offer(chat(40, 39), 10)).isEmpty();
    assertThat(inbox.duplicates()).isEqualTo(1);
    assertThat(seqs(inbox.offer(chat(41, 40), 10))).containsExactly(41L);
  }

  @Test
  void aLostArrivalAdvancesWhatWasShownLikeAnyEvent() {
    inbox.offer(chat(1, 0), 0);
    Arrival lost = new Arrival(9, 1, new Lost(1, 9, 8));
    assertThat(inbox.offer(lost, 10)).containsExactly(lost);
    assertThat(inbox.shown()).isEqualTo(9);
    assertThat(seqs(inbox.offer(chat(10, 9), 20))).containsExactly(10L);
  }

  @Test
  void aLostArrivalFillsAGapAndReleasesWhatWasHeld() {
    inbox.offer(chat(10, 9), 0);
    assertThat(inbox.missingTo()).isEqualTo(9);
    assertThat(seqs(inbox.offer(new Arrival(9, 0, new Lost(0, 9, 9)), 10)))
        .containsExactly(9L, 10L);
    assertThat(inbox.shown()).isEqualTo(10);
    assertThat(inbox.missingTo()).isNull();
  }
}
