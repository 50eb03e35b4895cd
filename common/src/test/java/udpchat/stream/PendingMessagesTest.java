package udpchat.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.stream.PendingMessages.CAPACITY;
import static udpchat.stream.PendingMessages.GIVE_UP_MS;
import static udpchat.stream.PendingMessages.MIN_RESEND_GAP_MS;
import static udpchat.stream.PendingMessages.WINDOW;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import udpchat.stream.PendingMessages.Message;

/** When the user's unacknowledged messages are sent (again), at exact instants. */
public class PendingMessagesTest {

  /** The timeout until a round trip is measured, as the client always had. */
  static final long FIRST_RETRY_MS = 250;

  /** The timeout's floor: what a LAN's round trip of about a millisecond comes to. */
  static final long MIN_RETRY_MS = 30;

  final PendingMessages pending = new PendingMessages();

  static List<Long> numbers(List<Message> messages) {
    return messages.stream().map(Message::n).toList();
  }

  @Test
  void messagesAreNumberedOneTwoThree() {
    assertThat(pending.add(null, "one", false, 0)).isEqualTo(new Message(1, null, "one", false, 0));
    assertThat(pending.add("bob", "two", false, 5))
        .isEqualTo(new Message(2, "bob", "two", false, 5));
    assertThat(pending.add(null, "waves", true, 9))
        .isEqualTo(new Message(3, null, "waves", true, 9));
    assertThat(pending.size()).isEqualTo(3);
  }

  @Test
  void aNewMessageIsDueAtOnceAndOnlyOnce() {
    pending.add(null, "hi", false, 100);
    assertThat(pending.due(99)).isEmpty();
    assertThat(numbers(pending.due(100))).containsExactly(1L);
    assertThat(pending.due(100)).isEmpty();
  }

  @Test
  void beforeAnyRoundTripRetriesComeAfter250msThenDoublingUpTo1s() {
    assertThat(pending.timeoutMs()).isEqualTo(FIRST_RETRY_MS);
    pending.add(null, "hi", false, 0);
    pending.due(0);
    // 250 after the first send, then 500, then 1000, and 1000 from then on.
    long[] retriesMs = {250, 750, 1750, 2750, 3750, 4750};
    long lastMs = 0;
    for (long retryMs : retriesMs) {
      assertThat(pending.due(lastMs + 1)).isEmpty();
      assertThat(pending.due(retryMs - 1)).isEmpty();
      assertThat(numbers(pending.due(retryMs))).containsExactly(1L);
      lastMs = retryMs;
    }
  }

  @Test
  void onlyTheFirstWindowAreEverDue() {
    LongStream.rangeClosed(1, WINDOW + 5).forEach(i -> pending.add(null, "m" + i, false, 0));
    assertThat(numbers(pending.due(0)))
        .containsExactlyElementsOf(LongStream.rangeClosed(1, WINDOW).boxed().toList());
    // Retries too stay within the window.
    assertThat(numbers(pending.due(FIRST_RETRY_MS)))
        .containsExactlyElementsOf(LongStream.rangeClosed(1, WINDOW).boxed().toList());

    // Settling the first two lets the next two in, and only those.
    pending.settle(1);
    pending.settle(2);
    assertThat(numbers(pending.due(FIRST_RETRY_MS + 1))).containsExactly(WINDOW + 1L, WINDOW + 2L);
  }

  @Test
  void settleRemovesTheMessageAndItIsNeverDueAgain() {
    Message hi = pending.add(null, "hi", false, 0);
    pending.due(0);
    assertThat(pending.posted(1, 5)).isEqualTo(hi);
    assertThat(pending.settle(1)).isNull();
    assertThat(pending.isEmpty()).isTrue();
    assertThat(pending.due(FIRST_RETRY_MS)).isEmpty();
    assertThat(pending.due(GIVE_UP_MS)).isEmpty();
  }

  @Test
  void lowestUnsettledIsTheFirstNumberStillWaitingOrTheNextOne() {
    assertThat(pending.lowestUnsettled()).isEqualTo(1);
    pending.add(null, "one", false, 0);
    pending.add(null, "two", false, 0);
    pending.add(null, "three", false, 0);
    assertThat(pending.lowestUnsettled()).isEqualTo(1);
    pending.settle(2);
    assertThat(pending.lowestUnsettled()).isEqualTo(1);
    pending.settle(1);
    assertThat(pending.lowestUnsettled()).isEqualTo(3);
    pending.settle(3);
    assertThat(pending.lowestUnsettled()).isEqualTo(4);
  }

  @Test
  void hurryBeforeMakesEarlierSentOnesDueAMinimumGapAfterTheirLastSend() {
    pending.add(null, "one", false, 0);
    pending.add(null, "two", false, 0);
    pending.add(null, "three", false, 0);
    pending.due(0);
    pending.hurryBefore(3, 10); // 3 was posted: 1 and 2 got there too, and their answers were lost

    assertThat(pending.due(MIN_RESEND_GAP_MS - 1)).isEmpty();
    assertThat(numbers(pending.due(MIN_RESEND_GAP_MS))).containsExactly(1L, 2L);
  }

  @Test
  void hurryBeforeLeavesLaterOnesAlone() {
    pending.add(null, "one", false, 0);
    pending.due(0); // 1 sent at 0
    pending.add(null, "two", false, 20);
    pending.due(20); // 2 sent at 20
    pending.hurryBefore(2, 30); // 2 was posted, and 1 got there too

    assertThat(numbers(pending.due(MIN_RESEND_GAP_MS))).containsExactly(1L);
    assertThat(pending.due(20 + FIRST_RETRY_MS - 1)).isEmpty();
    assertThat(numbers(pending.due(20 + FIRST_RETRY_MS))).containsExactly(2L);
  }

  @Test
  void hurryBeforeLeavesUnsentOnesToBeSentOnceInTheirTurn() {
    LongStream.rangeClosed(1, WINDOW + 1).forEach(i -> pending.add(null, "m" + i, false, 0));
    pending.due(0); // 1..WINDOW sent; WINDOW + 1 waits outside the window
    pending.hurryBefore(WINDOW + 2, 10);
    pending.settle(1);

    // Its turn: sent once, as a new message (no retransmission), at once.
    assertThat(numbers(pending.due(20))).containsExactly(WINDOW + 1L);
    assertThat(pending.retransmissions()).isZero();
    // The sent ones are hurried; the one just sent is not sent again with them.
    assertThat(numbers(pending.due(MIN_RESEND_GAP_MS)))
        .containsExactlyElementsOf(LongStream.rangeClosed(2, WINDOW).boxed().toList());
    assertThat(pending.retransmissions()).isEqualTo(WINDOW - 1);
    assertThat(pending.due(20 + FIRST_RETRY_MS - 1)).isEmpty();
    assertThat(numbers(pending.due(20 + FIRST_RETRY_MS))).containsExactly(WINDOW + 1L);
  }

  @Test
  void hurryBeforeNeverPostponesARetry() {
    pending.add(null, "one", false, 0);
    pending.due(0);
    pending.due(FIRST_RETRY_MS); // next retry at 750
    pending.hurryBefore(2, 700); // last sent at 250: 250 + 50 is long past, so due now
    assertThat(numbers(pending.due(700))).containsExactly(1L);
  }

  @Test
  void resendAllMakesAllDueNowWithTheBackoffStartedOver() {
    pending.add(null, "one", false, 0);
    pending.add(null, "two", false, 0);
    pending.due(0);
    pending.due(250);
    pending.due(750); // the backoff is at its maximum: next at 1750
    pending.resendAll(800);

    assertThat(numbers(pending.due(800))).containsExactly(1L, 2L);
    assertThat(pending.due(800 + FIRST_RETRY_MS - 1)).isEmpty();
    assertThat(numbers(pending.due(800 + FIRST_RETRY_MS))).containsExactly(1L, 2L);
    assertThat(pending.due(800 + FIRST_RETRY_MS + 2 * FIRST_RETRY_MS - 1)).isEmpty();
    assertThat(numbers(pending.due(800 + FIRST_RETRY_MS + 2 * FIRST_RETRY_MS)))
        .containsExactly(1L, 2L);
  }

  @Test
  void giveUpRemovesAndReturnsThoseTypedGiveUpAgo() {
    Message early = pending.add(null, "early", false, 0);
    Message late = pending.add(null, "late", false, 1000);

    assertThat(pending.giveUp(GIVE_UP_MS - 1)).isEmpty();
    assertThat(pending.giveUp(GIVE_UP_MS)).containsExactly(early);
    assertThat(pending.size()).isEqualTo(1);
    assertThat(pending.lowestUnsettled()).isEqualTo(2);

    assertThat(pending.giveUp(1000 + GIVE_UP_MS - 1)).isEmpty();
    assertThat(pending.giveUp(1000 + GIVE_UP_MS)).containsExactly(late);
    assertThat(pending.isEmpty()).isTrue();
  }

  @Test
  void retransmissionsCountOnlyRetries() {
    pending.add(null, "one", false, 0);
    pending.add(null, "two", false, 0);
    pending.due(0);
    assertThat(pending.retransmissions()).isZero();
    pending.due(FIRST_RETRY_MS);
    assertThat(pending.retransmissions()).isEqualTo(2);
    pending.settle(2);
    pending.due(3 * FIRST_RETRY_MS);
    assertThat(pending.retransmissions()).isEqualTo(3);
  }

  @Test
  void fullAtCapacity() {
    for (int i = 1; i < CAPACITY; i++) {
      pending.add(null, "m" + i, false, 0);
    }
    assertThat(pending.full()).isFalse();
    pending.add(null, "last", false, 0);
    assertThat(pending.full()).isTrue();
    pending.settle(1);
    assertThat(pending.full()).isFalse();
  }

  // ---- The timeout follows the measured round trip ----

  /** Message 1 sent at 0 and posted at {@code rttMs}: one round trip measured. */
  void measure(long rttMs) {
    pending.add(null, "first", false, 0);
    pending.due(0);
    pending.posted(1, rttMs);
  }

  @Test
  void aPostedAnswerToTheOnlySendMeasuresTheRoundTrip() {
    measure(2); // 2 + max(1, 4 x 1) + 5 = 11 ms, raised to the floor
    assertThat(pending.timeoutMs()).isEqualTo(MIN_RETRY_MS);

    pending.add(null, "two", false, 100);
    assertThat(numbers(pending.due(100))).containsExactly(2L);
    assertThat(pending.due(100 + MIN_RETRY_MS - 1)).isEmpty();
    assertThat(numbers(pending.due(100 + MIN_RETRY_MS))).containsExactly(2L);
    // Unanswered again: the timeout doubles, 60 then 120 ms, up to 1 s.
    assertThat(pending.due(130 + 2 * MIN_RETRY_MS - 1)).isEmpty();
    assertThat(numbers(pending.due(130 + 2 * MIN_RETRY_MS))).containsExactly(2L);
    assertThat(pending.due(190 + 4 * MIN_RETRY_MS - 1)).isEmpty();
    assertThat(numbers(pending.due(190 + 4 * MIN_RETRY_MS))).containsExactly(2L);
  }

  @Test
  void aSlowServerMakesTheTimeoutLonger() {
    measure(40); // 40 + 4 x 20 + 5
    assertThat(pending.timeoutMs()).isEqualTo(125);
    pending.add(null, "two", false, 100);
    pending.due(100);
    assertThat(pending.due(224)).isEmpty();
    assertThat(numbers(pending.due(225))).containsExactly(2L);
  }

  @Test
  void aMessageSentTwiceMeasuresNothing() {
    pending.add(null, "one", false, 0);
    pending.due(0);
    pending.due(FIRST_RETRY_MS); // sent again: the answer may be to either copy (Karn)
    pending.posted(1, FIRST_RETRY_MS + 1);
    assertThat(pending.timeoutMs()).isEqualTo(FIRST_RETRY_MS);
  }

  @Test
  void aMessageOnItsWayWhileAnEarlierOneIsSentAgainMeasuresNothing() {
    pending.add(null, "one", false, 0);
    pending.due(0); // lost
    pending.add(null, "two", false, 100);
    pending.due(100); // the server holds it until 1 comes
    pending.due(FIRST_RETRY_MS); // 1 again
    assertThat(pending.posted(1, FIRST_RETRY_MS + 1)).isNotNull();
    assertThat(pending.posted(2, FIRST_RETRY_MS + 1)).isNotNull(); // 151 ms: the wait for 1
    assertThat(pending.timeoutMs()).isEqualTo(FIRST_RETRY_MS);

    // One sent after the copy is measured.
    pending.add(null, "three", false, 300);
    pending.due(300);
    pending.posted(3, 302);
    assertThat(pending.timeoutMs()).isEqualTo(MIN_RETRY_MS);
  }

  @Test
  void aRefusalMeasuresNothing() {
    pending.add(null, "one", false, 0);
    pending.due(0);
    pending.settle(1);
    assertThat(pending.timeoutMs()).isEqualTo(FIRST_RETRY_MS);
  }

  @Test
  void aMeasuredRoundTripStartsTheBackoffOver() {
    measure(1);
    pending.add(null, "two", false, 10);
    pending.due(10);
    pending.due(40); // again, next after 60 ms
    pending.due(100); // again, next after 120 ms: at 220
    // 2's last copy got there and its answer was lost; 3, sent once after it, is answered.
    pending.add(null, "three", false, 110);
    assertThat(numbers(pending.due(110))).containsExactly(3L);
    pending.posted(3, 111);

    assertThat(pending.due(219)).isEmpty();
    assertThat(numbers(pending.due(220))).containsExactly(2L);
    // That was its first timeout since the measure: the next wait is 60 ms, not 240.
    assertThat(pending.due(220 + 2 * MIN_RETRY_MS - 1)).isEmpty();
    assertThat(numbers(pending.due(220 + 2 * MIN_RETRY_MS))).containsExactly(2L);
  }

  @Test
  void aHurriedResendIsNoTimeoutAndDoesNotBackOff() {
    measure(1);
    pending.add(null, "two", false, 100);
    pending.add(null, "three", false, 100);
    pending.due(100);
    pending.posted(3, 101); // 2 got there; its answer was lost
    pending.hurryBefore(3, 101);
    // Its own timeout (130) comes before the hurry (150): the hurry never postpones.
    assertThat(numbers(pending.due(130))).containsExactly(2L);
    assertThat(pending.due(130 + 2 * MIN_RETRY_MS - 1)).isEmpty();
    assertThat(numbers(pending.due(130 + 2 * MIN_RETRY_MS))).containsExactly(2L);
  }
}
