package udpchat.server.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import udpchat.protocol.Chat;
import udpchat.protocol.Notice;
import udpchat.protocol.Private;
import udpchat.server.ClientIds;

/** The ring of the room's last events, in memory only (the journal is JournalTest). */
public class RoomLogTest {

  static final String ALICE = ClientIds.of("alice");
  static final String BOB = ClientIds.of("bob");

  @Test
  void eventsAreNumberedFromOneAndEachIsGivenItsNumber() {
    RoomLog log = new RoomLog(10, null);
    assertThat(log.head()).isZero();
    assertThat(log.oldest()).isEqualTo(1); // head + 1: nothing kept
    assertThat(log.get(1)).isNull();

    assertThat(chat(log, ALICE, 1, "one").seq()).isEqualTo(1);
    assertThat(notice(log).seq()).isEqualTo(2);
    RoomEvent third = chat(log, ALICE, 2, "two");
    assertThat(third.seq()).isEqualTo(3);
    assertThat(((Chat) third.message()).seq()).isEqualTo(3);
    assertThat(log.head()).isEqualTo(3);
    assertThat(log.oldest()).isEqualTo(1);
    assertThat(log.get(3)).isSameAs(third);
  }

  @Test
  void afterTheRingWrapsOnlyTheLastCapacityEventsAreKept() {
    RoomLog log = new RoomLog(3, null);
    for (int i = 1; i <= 5; i++) {
      notice(log);
    }
    assertThat(log.head()).isEqualTo(5);
    assertThat(log.oldest()).isEqualTo(3);
    assertThat(log.get(0)).isNull();
    assertThat(log.get(1)).isNull();
    assertThat(log.get(2)).isNull();
    assertThat(log.get(3).seq()).isEqualTo(3);
    assertThat(log.get(4).seq()).isEqualTo(4);
    assertThat(log.get(5).seq()).isEqualTo(5);
    assertThat(log.get(6)).isNull();
  }

  @Test
  void aClientMessageIsKnownByItsNumberUntilItsEventIsEvicted() {
    RoomLog log = new RoomLog(3, null);
    chat(log, ALICE, 1, "one"); // 1
    chat(log, ALICE, 2, "two"); // 2
    chat(log, BOB, 1, "bob's"); // 3
    assertThat(log.postedAs(ALICE, 1)).isEqualTo(1);
    assertThat(log.postedAs(ALICE, 2)).isEqualTo(2);
    assertThat(log.postedAs(ALICE, 3)).isZero();
    assertThat(log.lastPosted(ALICE)).isEqualTo(2);

    notice(log); // 4 evicts 1
    assertThat(log.postedAs(ALICE, 1)).isZero();
    assertThat(log.postedAs(ALICE, 2)).isEqualTo(2);
    assertThat(log.lastPosted(ALICE)).isEqualTo(2);

    notice(log); // 5 evicts 2, alice's last
    assertThat(log.postedAs(ALICE, 2)).isZero();
    assertThat(log.lastPosted(ALICE)).isZero();
    assertThat(log.postedAs(BOB, 1)).isEqualTo(3);
    assertThat(log.lastPosted(BOB)).isEqualTo(1);
  }

  @Test
  void aPrivateMessageIsKnownByItsNumberToo() {
    RoomLog log = new RoomLog(3, null);
    whisper(log, ALICE, 1);
    assertThat(log.postedAs(ALICE, 1)).isEqualTo(1);
    assertThat(log.lastPosted(ALICE)).isEqualTo(1);
  }

  @Test
  void recallableIsTheLastEventsEveryoneSawOldestFirstWithoutPrivates() {
    RoomLog log = new RoomLog(10, null);
    chat(log, ALICE, 1, "one"); // 1
    whisper(log, ALICE, 2); // 2
    notice(log); // 3
    chat(log, BOB, 1, "two"); // 4
    whisper(log, BOB, 2); // 5

    assertThat(log.recallable(10)).extracting(RoomEvent::seq).containsExactly(1L, 3L, 4L);
    assertThat(log.recallable(2)).extracting(RoomEvent::seq).containsExactly(3L, 4L);
  }

  @Test
  void recallableStopsAtTheOldestEventKept() {
    RoomLog log = new RoomLog(2, null);
    chat(log, ALICE, 1, "one");
    chat(log, ALICE, 2, "two");
    chat(log, ALICE, 3, "three");
    assertThat(log.recallable(10)).extracting(RoomEvent::seq).containsExactly(2L, 3L);
  }

  @Test
  void backlogStartIsJustBeforeTheFirstOfTheLastChatsEveryoneSaw() {
    RoomLog log = new RoomLog(10, null);
    notice(log); // 1
    chat(log, ALICE, 1, "one"); // 2
    notice(log); // 3
    chat(log, BOB, 1, "two"); // 4
    whisper(log, ALICE, 2); // 5: not a chat everyone saw
    notice(log); // 6

    assertThat(log.backlogStart(0)).isEqualTo(6);
    assertThat(log.backlogStart(1)).isEqualTo(3);
    assertThat(log.backlogStart(2)).isEqualTo(1);
    assertThat(log.backlogStart(20)).isEqualTo(1); // fewer chats than asked: all of them
  }

  @Test
  void withoutChatsTheBacklogStartsAtTheHead() {
    RoomLog log = new RoomLog(10, null);
    assertThat(log.backlogStart(20)).isZero();
    notice(log);
    notice(log);
    assertThat(log.backlogStart(20)).isEqualTo(2);
  }

  @Test
  void aRingOfNothingIsRefused() {
    assertThatThrownBy(() -> new RoomLog(0, null)).isInstanceOf(IllegalArgumentException.class);
  }

  // ---- Events as the room appends them; the time of event seq is 1000 + seq ----

  static RoomEvent chat(RoomLog log, String client, long n, String text) {
    return log.append(
        seq -> Chat.posted(seq, 1000 + seq, "alice", text, false),
        RoomEvent.Audience.EVERYONE,
        client,
        n);
  }

  static RoomEvent notice(RoomLog log) {
    return log.append(
        seq -> Notice.posted(seq, 1000 + seq, Notice.Kind.JOINED, "carol", 3),
        RoomEvent.Audience.EVERYONE,
        null,
        0);
  }

  static RoomEvent whisper(RoomLog log, String client, long n) {
    return log.append(
        seq -> new Private(seq, null, 1000 + seq, "alice", "bob", "psst"),
        RoomEvent.Audience.pair(ClientIds.of("alice"), ClientIds.of("bob")),
        client,
        n);
  }
}
