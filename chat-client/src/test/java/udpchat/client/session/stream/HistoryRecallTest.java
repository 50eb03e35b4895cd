package udpchat.client.session.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.client.session.stream.HistoryRecall.RETRY_MS;
import static udpchat.client.session.stream.HistoryRecall.TRIES;

import org.junit.jupiter.api.Test;
import udpchat.protocol.Chat;
import udpchat.protocol.Notice;
import udpchat.protocol.ServerMessage;

/** Gathering one /history answer, and when to ask again, at exact instants. */
class HistoryRecallTest {

  static final long ID = 7;

  final HistoryRecall recall = new HistoryRecall(ID, 3, 100);

  static Chat chat(long seq) {
    return new Chat(seq, null, 1000 + seq, "bob", "m" + seq, false, ID, 3);
  }

  static Notice joined(long seq) {
    return new Notice(Notice.Kind.JOINED.wire(), "carol", null, 2, seq, null, 1000 + seq, ID, 3);
  }

  @Test
  void itKeepsTheRequestsIdAndCount() {
    assertThat(recall.id()).isEqualTo(ID);
    assertThat(recall.count()).isEqualTo(3);
    assertThat(recall.expected()).isEqualTo(-1);
    assertThat(recall.complete()).isFalse();
  }

  @Test
  void completeOnceOfDistinctEventsCameAndDuplicatesCountOnce() {
    assertThat(recall.offer(11, 3, chat(11))).isFalse();
    assertThat(recall.expected()).isEqualTo(3);
    assertThat(recall.offer(11, 3, chat(11))).isFalse();
    assertThat(recall.offer(12, 3, joined(12))).isFalse();
    assertThat(recall.offer(12, 3, joined(12))).isFalse();
    assertThat(recall.complete()).isFalse();
    assertThat(recall.offer(13, 3, chat(13))).isTrue();
    assertThat(recall.complete()).isTrue();
    assertThat(recall.events()).hasSize(3);
  }

  @Test
  void eventsComeOutInSeqOrderWhateverTheArrivalOrder() {
    ServerMessage first = chat(11);
    ServerMessage second = joined(12);
    ServerMessage third = chat(13);
    recall.offer(13, 3, third);
    recall.offer(11, 3, first);
    recall.offer(12, 3, second);
    assertThat(recall.events()).containsExactly(first, second, third);
  }

  @Test
  void theRequestIsSentAgainEveryRetryIntervalAtMostTriesTimesInAll() {
    assertThat(TRIES).isEqualTo(3);
    // The first send was at 100 (the constructor); two more at 1100 and 2100.
    assertThat(recall.retryDue(100 + RETRY_MS - 1)).isFalse();
    assertThat(recall.retryDue(100 + RETRY_MS)).isTrue();
    assertThat(recall.retryDue(100 + RETRY_MS)).isFalse();
    assertThat(recall.retryDue(100 + 2 * RETRY_MS - 1)).isFalse();
    assertThat(recall.retryDue(100 + 2 * RETRY_MS)).isTrue();
    for (long t = 100 + 2 * RETRY_MS; t <= 100 + 20 * RETRY_MS; t += 50) {
      assertThat(recall.retryDue(t)).as("at %d", t).isFalse();
    }
  }

  @Test
  void theIntervalRunsFromTheLastSendNotAFixedClock() {
    assertThat(recall.retryDue(100 + RETRY_MS + 300)).isTrue(); // a late tick
    assertThat(recall.retryDue(100 + 2 * RETRY_MS + 299)).isFalse();
    assertThat(recall.retryDue(100 + 2 * RETRY_MS + 300)).isTrue();
  }

  @Test
  void noRetryOnceComplete() {
    recall.offer(11, 3, chat(11));
    recall.offer(12, 3, chat(12));
    recall.offer(13, 3, chat(13));
    assertThat(recall.retryDue(100 + RETRY_MS)).isFalse();
    assertThat(recall.givenUp(100 + 10 * RETRY_MS)).isFalse();
  }

  @Test
  void givenUpOnlyAfterTheLastTryWentUnansweredForRetryInterval() {
    recall.offer(11, 3, chat(11));
    assertThat(recall.givenUp(100 + RETRY_MS)).isFalse(); // tries are left
    assertThat(recall.retryDue(100 + RETRY_MS)).isTrue();
    assertThat(recall.givenUp(100 + 2 * RETRY_MS - 1)).isFalse();
    assertThat(recall.retryDue(100 + 2 * RETRY_MS)).isTrue(); // the last try
    assertThat(recall.givenUp(100 + 3 * RETRY_MS - 1)).isFalse();
    assertThat(recall.givenUp(100 + 3 * RETRY_MS)).isTrue();
    assertThat(recall.events()).containsExactly(chat(11));
  }
}
