package udpchat.client.session;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.client.session.SessionTest.CLIENT;
import static udpchat.client.session.SessionTest.COOKIE;
import static udpchat.client.session.SessionTest.EPOCH;
import static udpchat.client.session.SessionTest.HEARTBEAT_MS;
import static udpchat.client.session.SessionTest.NEW_TOKEN;
import static udpchat.client.session.SessionTest.TOKEN;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import udpchat.client.ScriptedView;
import udpchat.client.session.SessionTest.RecordingTransport;
import udpchat.client.session.stream.HistoryRecall;
import udpchat.client.session.stream.Inbox;
import udpchat.client.view.Event;
import udpchat.protocol.Ack;
import udpchat.protocol.Chat;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.History;
import udpchat.protocol.Join;
import udpchat.protocol.Notice;
import udpchat.protocol.Pong;
import udpchat.protocol.Posted;
import udpchat.protocol.Retry;
import udpchat.protocol.Say;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;
import udpchat.stream.PendingMessages;
import udpchat.time.Durations;

/**
 * Reliable delivery as the session does it: the user's messages numbered and sent until answered,
 * the room's events shown once each in order, acks, rejoins, the backlog and /history. Every step
 * at an exact instant: no socket, no sleeping.
 */
class SessionDeliveryTest {

  final RecordingTransport transport = new RecordingTransport();
  final ScriptedView view = new ScriptedView();
  final Session session = new Session(transport, view, new Codec(), "alice", null, CLIENT);

  static Welcome welcome(String token, long epoch, long start, long head) {
    return new Welcome(token, "alice", HEARTBEAT_MS, 15_000, 1, epoch, start, head);
  }

  /** A room message in this member's stream, posted by the server at {@code 1000 * seq}. */
  static Chat chat(long seq, long prev, String from, String text) {
    return new Chat(seq, prev, 1000 * seq, from, text, false, null, null);
  }

  static Instant at(long ms) {
    return Instant.ofEpochMilli(ms);
  }

  void joinedAt(long nowMs) {
    session.start(nowMs);
    session.onMessage(welcome(TOKEN, EPOCH, 0, 0), nowMs);
    transport.sent.clear();
  }

  List<String> messagesShown() {
    return view.events.stream()
        .filter(e -> e.kind() == Event.Kind.MESSAGE)
        .map(Event::text)
        .toList();
  }

  List<Event> ofKind(Event.Kind kind) {
    return view.events.stream().filter(e -> e.kind() == kind).toList();
  }

  boolean shown(String text) {
    return view.events.stream().anyMatch(e -> e.text() != null && e.text().contains(text));
  }

  /** The retransmission timeout before any round trip is measured. */
  static final long FIRST_RETRY_MS = 250;

  // ---- The user's messages ----

  @Test
  void aSayIsSentAsMessageOneAndShownAsSending() {
    joinedAt(0);
    session.say("hi", false, 100);
    assertThat(transport.sent).containsExactly(new Say(TOKEN, 1, "hi", false));
    assertThat(view.events)
        .last()
        .isEqualTo(Event.sending(at(100), 1, Event.message(at(100), "alice", "hi", true)));
  }

  @Test
  void anUnansweredSayIsSentAgainWithTheSameNumberAfterTheFirstRetry() {
    joinedAt(0);
    session.say("hi", false, 100);
    transport.sent.clear();
    session.onTick(100 + FIRST_RETRY_MS - 1);
    assertThat(transport.sent).isEmpty();
    session.onTick(100 + FIRST_RETRY_MS);
    assertThat(transport.sent).containsExactly(new Say(TOKEN, 1, "hi", false));
    assertThat(session.retransmissions()).isEqualTo(1);
  }

  @Test
  void afterAPostedTheNextSayIsSentAgainAfterTheMeasuredTimeout() {
    joinedAt(0);
    session.say("one", false, 100);
    session.onMessage(new Posted(1, 1), 120); // 20 ms: 20 + 4 x 10 + 5 = 65 ms from now on
    session.say("two", false, 200);
    transport.sent.clear();
    session.onTick(264);
    assertThat(transport.sent).isEmpty();
    session.onTick(265);
    assertThat(transport.sent).containsExactly(new Say(TOKEN, 2, "two", false));
  }

  @Test
  void postedSettlesTheMessageAsDeliveredAndStopsRetries() {
    joinedAt(0);
    session.say("hi", false, 100);
    session.onMessage(new Posted(1, 1), 120);
    assertThat(view.events)
        .last()
        .isEqualTo(Event.delivered(at(120), 1, Event.message(at(100), "alice", "hi", true)));
    assertThat(session.unsettled()).isZero();

    for (long t = 150; t <= 10_000; t += 50) {
      session.onTick(t);
    }
    assertThat(transport.count(Say.class)).isEqualTo(1);
    assertThat(session.retransmissions()).isZero();
  }

  @Test
  void anErrorForMessageOneShowsItFailedWithTheServersWords() {
    joinedAt(0);
    session.say("hi", false, 100);
    session.onMessage(ErrorReply.refusing(1, ErrorReply.TOO_LONG, "that was too long"), 120);
    assertThat(view.events)
        .last()
        .isEqualTo(
            Event.failed(
                at(120), 1, Event.message(at(100), "alice", "hi", true), "that was too long"));
    assertThat(session.unsettled()).isZero();
    session.onTick(100 + FIRST_RETRY_MS);
    assertThat(transport.count(Say.class)).isEqualTo(1);
  }

  // ---- The room's events ----

  @Test
  void streamEventsOutOfOrderAreShownInOrder() {
    joinedAt(0);
    session.onMessage(chat(2, 1, "bob", "second"), 100);
    assertThat(messagesShown()).isEmpty();
    session.onMessage(chat(1, 0, "bob", "first"), 110);
    assertThat(messagesShown()).containsExactly("first", "second");
    assertThat(session.lastShown()).isEqualTo(2);
  }

  @Test
  void aDuplicateStreamEventIsShownOnce() {
    joinedAt(0);
    session.onMessage(chat(1, 0, "bob", "once"), 100);
    session.onMessage(chat(1, 0, "bob", "once"), 110);
    assertThat(messagesShown()).containsExactly("once");
    assertThat(session.duplicatesDropped()).isEqualTo(1);
  }

  @Test
  void theAckGoesOutAckDelayAfterAnArrivalWithTheLastEventShown() {
    joinedAt(0);
    session.onMessage(chat(1, 0, "bob", "a"), 100);
    session.onMessage(chat(2, 1, "bob", "b"), 110);
    session.onTick(100 + Inbox.ACK_DELAY_MS - 1);
    assertThat(transport.sent).isEmpty();
    session.onTick(100 + Inbox.ACK_DELAY_MS);
    assertThat(transport.sent).containsExactly(new Ack(TOKEN, 2));
  }

  @Test
  void whileAGapIsOpenTheAckSaysWhatIsMissing() {
    joinedAt(0);
    session.onMessage(chat(1, 0, "bob", "a"), 100);
    session.onTick(150);
    assertThat(transport.sent).containsExactly(new Ack(TOKEN, 1));
    transport.sent.clear();

    session.onMessage(chat(4, 3, "bob", "d"), 200); // 2 and 3 are missing
    session.onTick(200 + Inbox.ACK_DELAY_MS);
    assertThat(transport.sent).containsExactly(new Ack(TOKEN, 1, 3L));
    transport.sent.clear();

    // Asked again while the gap stays open...
    session.onTick(250 + Inbox.GAP_ACK_INTERVAL_MS);
    assertThat(transport.sent).containsExactly(new Ack(TOKEN, 1, 3L));
    transport.sent.clear();

    // ...and once it closes, the ack says so.
    session.onMessage(chat(2, 1, "bob", "b"), 500);
    session.onMessage(chat(3, 2, "bob", "c"), 500);
    session.onTick(500 + Inbox.ACK_DELAY_MS);
    assertThat(transport.sent).containsExactly(new Ack(TOKEN, 4));
    assertThat(messagesShown()).containsExactly("a", "b", "c", "d");
  }

  /**
   * Inbox's comment: an early event is not acked at once, since "a reordered event usually follows
   * within milliseconds, and then no ack is needed for it". In a quiet room (no ack for a while), a
   * reordered pair should cost one cumulative ack and no request to send anything again.
   */
  @Test
  void aReorderedPairInAQuietRoomCostsOneAckAndNoResendRequest() {
    joinedAt(0);
    session.onMessage(chat(2, 1, "bob", "second"), 1000);
    session.onTick(1010); // a tick falls between the two
    session.onMessage(chat(1, 0, "bob", "first"), 1020);
    session.onTick(1000 + Inbox.ACK_DELAY_MS);
    session.onTick(1020 + Inbox.ACK_DELAY_MS);
    assertThat(transport.sent).containsExactly(new Ack(TOKEN, 2));
  }

  @Test
  void eventsBeforeTheWelcomeAreIgnored() {
    session.start(0);
    session.onMessage(chat(1, 0, "bob", "too soon"), 5);
    assertThat(messagesShown()).isEmpty();

    session.onMessage(welcome(TOKEN, EPOCH, 0, 0), 10);
    assertThat(session.lastShown()).isZero();
    session.onMessage(chat(1, 0, "bob", "too soon"), 20); // sent again after the welcome
    assertThat(messagesShown()).containsExactly("too soon");
  }

  // ---- Rejoining ----

  /** Joined, three events shown, message 1 posted and message 2 unanswered; then unknown. */
  void forgottenWithMessageTwoUnsettled() {
    joinedAt(0);
    session.onMessage(chat(1, 0, "bob", "a"), 10);
    session.onMessage(chat(2, 1, "bob", "b"), 10);
    session.onMessage(chat(3, 2, "bob", "c"), 10);
    session.say("one", false, 100);
    session.say("two", false, 100);
    session.onMessage(new Posted(1, 4), 110);
    transport.sent.clear();
    session.onMessage(new Retry(COOKIE), 200);
  }

  @Test
  void aRejoinAsksFromTheLowestUnsettledMessageAndForEverythingAfterTheLastShown() {
    forgottenWithMessageTwoUnsettled();
    assertThat(session.state()).isEqualTo(Session.State.JOINING);
    assertThat(transport.sent).containsExactly(new Join("alice", CLIENT, 2, 3L, COOKIE));
  }

  @Test
  void afterTheRejoinsWelcomeThePendingMessageIsSentAgainWithTheSameNumberAndTheNewToken() {
    forgottenWithMessageTwoUnsettled();
    transport.sent.clear();
    session.onMessage(welcome(NEW_TOKEN, EPOCH, 3, 3), 300);
    assertThat(transport.sent).containsExactly(new Say(NEW_TOKEN, 2, "two", false));
    assertThat(shown("the server restarted")).isFalse();

    session.onMessage(chat(4, 3, "alice", "one"), 310); // the stream goes on after 3
    assertThat(messagesShown()).containsExactly("a", "b", "c", "one");
  }

  @Test
  void aWelcomeWithANewEpochAfterARejoinSaysTheServerRestarted() {
    forgottenWithMessageTwoUnsettled();
    session.onMessage(welcome(NEW_TOKEN, EPOCH + 1, 3, 3), 300);
    assertThat(view.events)
        .contains(Event.notice(at(300), "the server restarted; catching up on what you missed"));
  }

  // ---- History ----

  @Test
  void theBacklogOnTheFirstJoinIsShownOldWithItsOwnTimes() {
    session.start(0);
    session.onMessage(welcome(TOKEN, EPOCH, 0, 2), 10);
    session.onMessage(chat(1, 0, "bob", "before"), 20);
    session.onMessage(chat(2, 1, "bob", "just before"), 20);
    session.onMessage(chat(3, 2, "bob", "now"), 30);
    assertThat(ofKind(Event.Kind.MESSAGE))
        .containsExactly(
            Event.message(at(1000), "bob", "before", false).asOld(),
            Event.message(at(2000), "bob", "just before", false).asOld(),
            Event.message(at(3000), "bob", "now", false));
  }

  @Test
  void aRenameOfOurNameInTheBacklogDoesNotRenameUs() {
    session.start(0);
    session.onMessage(welcome(TOKEN, EPOCH, 0, 1), 10);
    session.onMessage(
        new Notice(Notice.Kind.RENAMED.wire(), "alice", "alicia", 1, 1L, 0L, 500L, null, null), 20);
    assertThat(session.name()).isEqualTo("alice");
    assertThat(view.events)
        .last()
        .isEqualTo(Event.notice(at(500), "alice is now known as alicia").asOld());
  }

  @Test
  void aLiveRenameOfUsDoesRenameUs() {
    joinedAt(0);
    session.onMessage(
        new Notice(Notice.Kind.RENAMED.wire(), "alice", "alicia", 1, 1L, 0L, 500L, null, null), 20);
    assertThat(session.name()).isEqualTo("alicia");
    assertThat(view.events).last().isEqualTo(Event.notice(at(500), "you are now known as alicia"));
  }

  // ---- Giving up ----

  @Test
  void messagesAreNotGivenUpWhileTheServerAnswersPings() {
    joinedAt(0);
    session.say("anyone?", false, 100);
    for (long t = 50; t <= 3 * PendingMessages.GIVE_UP_MS; t += 50) {
      session.onTick(t);
      if (t % HEARTBEAT_MS == 0) {
        session.onMessage(new Pong(1), t + 1);
      }
    }
    assertThat(ofKind(Event.Kind.FAILED)).isEmpty();
    assertThat(session.unsettled()).isEqualTo(1);
  }

  @Test
  void messagesAreGivenUpAfterGiveUpWhileTheServerIsSilent() {
    joinedAt(0);
    session.say("anyone?", false, 100);
    for (long t = 50; t < 100 + PendingMessages.GIVE_UP_MS; t += 50) {
      session.onTick(t);
    }
    assertThat(shown("no reply from the server")).isTrue();
    assertThat(ofKind(Event.Kind.FAILED)).isEmpty();

    long giveUpMs = 100 + PendingMessages.GIVE_UP_MS;
    session.onTick(giveUpMs);
    assertThat(ofKind(Event.Kind.FAILED))
        .containsExactly(
            Event.failed(
                at(giveUpMs),
                1,
                Event.message(at(100), "alice", "anyone?", true),
                "no answer from the server for "
                    + Durations.format(Duration.ofMillis(PendingMessages.GIVE_UP_MS))));
    assertThat(session.unsettled()).isZero();
  }

  // ---- /history ----

  static Chat recalledChat(long seq, long ref, String text) {
    return new Chat(seq, null, 1000 * seq, "bob", text, false, ref, 3);
  }

  @Test
  void historySendsTheRequest() {
    joinedAt(0);
    session.history(5, 100);
    assertThat(transport.sent).containsExactly(new History(TOKEN, 1, 5));
  }

  @Test
  void theHistoryAnswerIsShownTogetherOldAndInOrderOnceAllOfItCame() {
    joinedAt(0);
    session.history(5, 100);
    long id = ((History) transport.sent.get(0)).id();
    int before = view.events.size();

    session.onMessage(recalledChat(13, id, "third"), 110);
    session.onMessage(
        new Notice(Notice.Kind.JOINED.wire(), "carol", null, 2, 12L, null, 12_000L, id, 3), 120);
    session.onMessage(recalledChat(13, id, "third"), 125); // a copy: not counted twice
    assertThat(view.events).hasSize(before);

    session.onMessage(recalledChat(11, id, "first"), 130);
    assertThat(view.events.subList(before, view.events.size()))
        .containsExactly(
            Event.notice(at(130), "history: the last 3 event(s)"),
            Event.message(at(11_000), "bob", "first", false).asOld(),
            Event.notice(at(12_000), "carol joined (2 online)").asOld(),
            Event.message(at(13_000), "bob", "third", false).asOld());
  }

  @Test
  void anIncompleteHistoryAnswerIsAskedForAgainAfterTheRetryInterval() {
    joinedAt(0);
    session.history(5, 100);
    long id = ((History) transport.sent.get(0)).id();
    session.onMessage(recalledChat(11, id, "first"), 110);
    transport.sent.clear();

    session.onTick(100 + HistoryRecall.RETRY_MS - 1);
    assertThat(transport.sent).isEmpty();
    session.onTick(100 + HistoryRecall.RETRY_MS);
    assertThat(transport.sent).containsExactly(new History(TOKEN, id, 5));
  }
}
