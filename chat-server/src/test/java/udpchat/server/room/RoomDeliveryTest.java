package udpchat.server.room;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.server.delivery.Delivery.GAP_RESEND_INTERVAL_MS;
import static udpchat.server.delivery.Delivery.INITIAL_RTO_MS;
import static udpchat.server.delivery.Delivery.MAX_RTO_MS;
import static udpchat.server.delivery.Delivery.MIN_RTO_MS;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import udpchat.protocol.Ack;
import udpchat.protocol.Chat;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.Drops;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.History;
import udpchat.protocol.Join;
import udpchat.protocol.Leave;
import udpchat.protocol.Limits;
import udpchat.protocol.Nick;
import udpchat.protocol.Notice;
import udpchat.protocol.Ping;
import udpchat.protocol.Posted;
import udpchat.protocol.Say;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Tell;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;
import udpchat.server.ClientIds;
import udpchat.server.ServerConfig;
import udpchat.server.journal.RoomLog;

/**
 * How the room's numbered events reach each member: in order, each after the member's previous one,
 * again after a timeout until acknowledged, and each client message posted once. Every instant is
 * an argument, so each test checks the exact millisecond something becomes due.
 */
public class RoomDeliveryTest {

  /** A small ring, so that a member can fall behind what the room keeps. */
  static final int CAPACITY = 8;

  static final int BACKLOG = 2;
  static final long TIMEOUT_MS = 15_000;
  static final InetSocketAddress ALICE = new InetSocketAddress("127.0.0.1", 40001);
  static final InetSocketAddress BOB = new InetSocketAddress("127.0.0.1", 40002);
  static final InetSocketAddress CAROL = new InetSocketAddress("127.0.0.1", 40003);
  static final InetSocketAddress DAVE = new InetSocketAddress("127.0.0.1", 40004);

  /**
   * Each member's timeout after the set-up: its join was acknowledged the instant it was sent, a
   * round trip of 0 ms, so the timeout is the floor.
   */
  static final long RTO_MS = MIN_RTO_MS;

  final RecordingOutbox outbox = new RecordingOutbox();
  final Room room =
      new Room(
          outbox,
          new Codec(),
          new Drops(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)),
          new RoomLog(CAPACITY, null),
          Duration.ofMillis(TIMEOUT_MS),
          Duration.ofSeconds(5),
          BACKLOG,
          42,
          ServerConfig.DEFAULT_MAX_MEMBERS,
          ServerConfig.DEFAULT_MAX_PER_ADDRESS,
          0,
          java.util.function.LongUnaryOperator
              .identity()); // each membership change its own notice, as the tests count events

  /** Each member's session, by address. */
  final Map<InetSocketAddress, String> sessions = new HashMap<>();

  /** Events 1 to 3 are the three joins, acknowledged by all: nobody is behind at the start. */
  @BeforeEach
  void aliceBobAndCarolJoinAtTimeZero() {
    join(ALICE, "alice", 0);
    join(BOB, "bob", 0);
    join(CAROL, "carol", 0);
    ack(ALICE, 3, 0);
    ack(BOB, 3, 0);
    ack(CAROL, 3, 0);
    outbox.clear();
  }

  // ---- Each member's stream: prev is that member's previous event ----

  @Test
  void eachMembersEventsChainToItsOwnPreviousOneSoAPrivateIsSkippedByTheThird() {
    say(ALICE, 1, "one", 10); // 4
    tell(ALICE, 2, "bob", "psst", 20); // 5, for alice and bob only
    say(BOB, 1, "two", 30); // 6

    assertThat(outbox.lines(ALICE))
        .containsExactly(
            "posted 1 as 4",
            "chat 4 after 3 alice: one",
            "posted 2 as 5",
            "private 5 after 4 alice>bob: psst",
            "chat 6 after 5 bob: two");
    assertThat(outbox.lines(BOB))
        .containsExactly(
            "chat 4 after 3 alice: one",
            "private 5 after 4 alice>bob: psst",
            "posted 1 as 6",
            "chat 6 after 5 bob: two");
    assertThat(outbox.lines(CAROL))
        .containsExactly("chat 4 after 3 alice: one", "chat 6 after 4 bob: two");
  }

  @Test
  void membersWithTheSamePreviousEventShareOneBroadcast() {
    say(ALICE, 1, "one", 10); // 4: everyone after 3
    tell(ALICE, 2, "bob", "psst", 20); // 5
    say(BOB, 1, "two", 30); // 6: alice and bob after 5, carol after 4

    // Who got which datagram; the order of the members within one is not the point.
    assertThat(outbox.broadcasts)
        .filteredOn(b -> b.message() instanceof Chat)
        .extracting(b -> RecordingOutbox.line(b.message()) + " to " + names(b.to()))
        .containsExactlyInAnyOrder(
            "chat 4 after 3 alice: one to [alice, bob, carol]",
            "chat 6 after 5 bob: two to [alice, bob]",
            "chat 6 after 4 bob: two to [carol]");
  }

  // ---- Retransmission: after a timeout that doubles, at once for a gap ----

  @Test
  void anUnacknowledgedEventIsResentExactlyOneTimeoutAfterItWasSent() {
    say(ALICE, 1, "hi", 1000); // 4; bob never acknowledges it
    ack(ALICE, 4, 1000);
    ack(CAROL, 4, 1000);
    outbox.clear();

    room.resendDue(1000 + RTO_MS - 1);
    assertThat(outbox.sent).isEmpty();
    room.resendDue(1000 + RTO_MS);
    assertThat(outbox.lines(BOB)).containsExactly("chat 4 after 3 alice: hi");
    assertThat(outbox.to(ALICE)).isEmpty();
    assertThat(outbox.to(CAROL)).isEmpty();
  }

  @Test
  void timeoutsWaitWhileTheOutboxHasNotSentWhatItWasGiven() {
    say(ALICE, 1, "hi", 1000); // 4; bob never acknowledges it
    ack(ALICE, 4, 1000);
    ack(CAROL, 4, 1000);
    outbox.clear();
    outbox.backlogged = true; // the event has most likely not left yet

    room.resendDue(1000 + RTO_MS);
    room.resendDue(1000 + 3 * RTO_MS);
    assertThat(outbox.sent).isEmpty();
    outbox.backlogged = false;
    room.resendDue(1000 + 3 * RTO_MS + 1);
    assertThat(outbox.lines(BOB)).containsExactly("chat 4 after 3 alice: hi");
  }

  @Test
  void theTimeoutDoublesOnEveryResendUpToTheMaximum() {
    say(ALICE, 1, "hi", 1000);
    ack(ALICE, 4, 1000);
    ack(CAROL, 4, 1000);

    // Sent at 1000; resent RTO_MS later, then after twice as long each time, up to MAX_RTO_MS
    // (kept as long as the member stays behind).
    long dueMs = 1000;
    long rtoMs = RTO_MS;
    List<Long> intervals = new ArrayList<>();
    for (int resend = 1; resend <= 8; resend++) {
      dueMs += rtoMs;
      intervals.add(rtoMs);
      outbox.clear();
      room.resendDue(dueMs - 1);
      assertThat(outbox.sent).as("nothing due at %d", dueMs - 1).isEmpty();
      room.resendDue(dueMs);
      assertThat(outbox.lines(BOB))
          .as("resent at %d", dueMs)
          .containsExactly("chat 4 after 3 alice: hi");
      rtoMs = Math.min(rtoMs * 2, MAX_RTO_MS);
    }
    assertThat(intervals).startsWith(RTO_MS, 2 * RTO_MS).endsWith(MAX_RTO_MS, MAX_RTO_MS);
  }

  @Test
  void anAckStopsTheResending() {
    say(ALICE, 1, "hi", 1000);
    ack(ALICE, 4, 1000);
    ack(CAROL, 4, 1000);
    ack(BOB, 4, 1100);
    outbox.clear();

    room.resendDue(1000 + RTO_MS);
    room.resendDue(1100 + RTO_MS);
    room.resendDue(60_000);
    assertThat(outbox.sent).isEmpty();
  }

  @Test
  void anAckThatAdvancesRestartsTheTimeoutAndOnlyTheRestIsResent() {
    say(ALICE, 1, "one", 1000); // 4
    ack(ALICE, 4, 1000);
    ack(CAROL, 4, 1000);
    room.resendDue(1000 + RTO_MS); // bob's timeout doubled
    room.resendDue(1000 + RTO_MS + 2 * RTO_MS); // and again: 4 x RTO_MS
    say(ALICE, 2, "two", 1500); // 5
    ack(ALICE, 5, 1500);
    ack(CAROL, 5, 1500);
    // 4 was sent three times, so this ack measures nothing (Karn): it takes back one doubling,
    // and the timeout starts again from it.
    ack(BOB, 4, 1550);
    outbox.clear();

    room.resendDue(1550 + 2 * RTO_MS - 1);
    assertThat(outbox.sent).isEmpty();
    room.resendDue(1550 + 2 * RTO_MS);
    assertThat(outbox.lines(BOB)).containsExactly("chat 5 after 4 alice: two");
  }

  // ---- Each member's timeout, from its own round trips ----

  @Test
  void beforeItsFirstRoundTripANewMembersTimeoutIsTheInitialOne() {
    join(DAVE, "dave", 1000); // 4, and dave never acknowledges anything
    ack(ALICE, 4, 1000);
    ack(BOB, 4, 1000);
    ack(CAROL, 4, 1000);
    outbox.clear();

    room.resendDue(1000 + INITIAL_RTO_MS - 1);
    assertThat(outbox.sent).isEmpty();
    room.resendDue(1000 + INITIAL_RTO_MS);
    assertThat(outbox.lines(DAVE)).endsWith("joined 4 after 3 dave");
  }

  @Test
  void theTimeoutFollowsTheMembersRoundTripAckDelayIncluded() {
    join(DAVE, "dave", 1000); // 4
    ack(ALICE, 4, 1000);
    ack(BOB, 4, 1000);
    ack(CAROL, 4, 1000);
    // Dave's ack comes 100 ms after the event was sent (his ack delay and a slow path): SRTT 100,
    // RTTVAR 50.
    ack(DAVE, 4, 1100);
    say(ALICE, 1, "hi", 2000); // 5; nobody acknowledges it
    outbox.clear();

    room.resendDue(2000 + RTO_MS);
    assertThat(outbox.lines(BOB)).containsExactly("chat 5 after 4 alice: hi");
    assertThat(outbox.to(DAVE)).isEmpty();
    room.resendDue(2000 + 300 - 1); // 100 + 4 x 50
    assertThat(outbox.to(DAVE)).isEmpty();
    room.resendDue(2000 + 300);
    assertThat(outbox.lines(DAVE)).containsExactly("chat 5 after 4 alice: hi");
  }

  @Test
  void aSlowMembersTimeoutGrowsPastTheInitialOneUpToTheMaximum() {
    join(DAVE, "dave", 1000); // 4
    ack(DAVE, 4, 1300); // SRTT 300, RTTVAR 150: 300 + 600
    say(ALICE, 1, "hi", 2000); // 5
    outbox.clear();

    room.resendDue(2000 + 900 - 1);
    assertThat(outbox.to(DAVE)).isEmpty();
    room.resendDue(2000 + 900);
    assertThat(outbox.lines(DAVE)).containsExactly("chat 5 after 4 alice: hi");
    outbox.clear();
    room.resendDue(2900 + MAX_RTO_MS - 1); // doubled, cut to the maximum
    assertThat(outbox.to(DAVE)).isEmpty();
    room.resendDue(2900 + MAX_RTO_MS);
    assertThat(outbox.lines(DAVE)).containsExactly("chat 5 after 4 alice: hi");
  }

  @Test
  void anEventSentAgainIsNotMeasured() {
    say(ALICE, 1, "one", 1000); // 4
    room.resendDue(1000 + RTO_MS); // sent to bob again
    ack(BOB, 4, 1500); // had it been measured: 500 ms, and a timeout of 563 ms
    say(ALICE, 2, "two", 2000); // 5
    outbox.clear();

    // Not measured: the ack took back the one doubling, and the timeout is the floor again.
    room.resendDue(2000 + RTO_MS - 1);
    assertThat(outbox.to(BOB)).isEmpty();
    room.resendDue(2000 + RTO_MS);
    assertThat(outbox.lines(BOB)).containsExactly("chat 5 after 4 alice: two");
  }

  @Test
  void aMeasuredRoundTripStartsTheBackoffOverAndAnAckWithoutOneTakesBackOneDoubling() {
    say(ALICE, 1, "one", 1000); // 4
    room.resendDue(1000 + RTO_MS); // 1150, then twice as long each time: 1450, 2050
    room.resendDue(1450);
    room.resendDue(2050); // three timeouts: 8 x RTO_MS, cut to the maximum
    ack(BOB, 4, 2100); // not measured (4 was sent four times): one doubling back, 4 x RTO_MS
    say(ALICE, 2, "two", 3000); // 5, sent once, timed
    outbox.clear();
    room.resendDue(3000 + 4 * RTO_MS - 1);
    assertThat(outbox.to(BOB)).isEmpty();
    room.resendDue(3000 + 4 * RTO_MS); // the backoff lasted: 5 is sent again
    assertThat(outbox.lines(BOB)).containsExactly("chat 5 after 4 alice: two");
    ack(BOB, 5, 3700); // so not measured either: 8 x, one doubling back, 4 x RTO_MS

    say(ALICE, 3, "three", 4000); // 6
    ack(BOB, 6, 4010); // sent once: a round trip of 10 ms, and the backoff is over
    say(ALICE, 4, "four", 5000); // 7
    outbox.clear();
    room.resendDue(5000 + RTO_MS - 1); // SRTT 1.25 ms, RTTVAR 2.5 ms: the floor
    assertThat(outbox.to(BOB)).isEmpty();
    room.resendDue(5000 + RTO_MS);
    assertThat(outbox.lines(BOB)).containsExactly("chat 7 after 6 alice: four");
  }

  @Test
  void noRoundTripIsTakenAcrossTheRepairOfAGapBeforeTheTimedEvent() {
    say(ALICE, 1, "one", 1000); // 4, timed, lost on the way to bob
    say(ALICE, 2, "two", 1010); // 5
    ackGap(BOB, 3, 4, 1060); // bob holds 5: 4 is sent again
    ack(BOB, 5, 1400); // had it been measured: 400 ms from 4's first send
    say(ALICE, 3, "three", 2000); // 6
    outbox.clear();

    room.resendDue(2000 + RTO_MS - 1);
    assertThat(outbox.to(BOB)).isEmpty();
    room.resendDue(2000 + RTO_MS);
    assertThat(outbox.lines(BOB)).containsExactly("chat 6 after 5 alice: three");
  }

  @Test
  void aGapResentAtOnceStartsTheTimeoutAgainAndATimeoutResendsFromTheOldestUnacknowledged() {
    say(ALICE, 1, "one", 1000); // 4, lost on the way to bob
    say(ALICE, 2, "two", 1010); // 5
    ackGap(BOB, 3, 4, 1060); // the ack does not move bob's stream, but he is heard
    assertThat(outbox.lines(BOB)).endsWith("chat 4 after 3 alice: one");
    outbox.clear();

    room.resendDue(1000 + RTO_MS); // due by the first send, but the repair is under way
    room.resendDue(1060 + RTO_MS - 1);
    assertThat(outbox.to(BOB)).isEmpty();
    // Silent since: the gap's copy may be lost too, and events after it that bob does not hold,
    // so everything from his last ack, up to a burst.
    room.resendDue(1060 + RTO_MS);
    assertThat(outbox.lines(BOB))
        .containsExactly("chat 4 after 3 alice: one", "chat 5 after 4 alice: two");
  }

  @Test
  void aTimeoutResendsTheOldestEventAndWhatWaitedAWholeTimeoutNotWhatIsOnItsWay() {
    say(ALICE, 1, "one", 1000); // 4; bob acknowledges nothing
    say(ALICE, 2, "two", 1100); // 5
    outbox.clear();

    room.resendDue(1000 + RTO_MS); // 5 was sent 50 ms ago: most likely on its way
    assertThat(outbox.lines(BOB)).containsExactly("chat 4 after 3 alice: one");
    outbox.clear();
    room.resendDue(1000 + 3 * RTO_MS); // doubled; now both waited a whole timeout
    assertThat(outbox.lines(BOB))
        .containsExactly("chat 4 after 3 alice: one", "chat 5 after 4 alice: two");
  }

  @Test
  void anAckNamingAGapResendsJustTheGapAtOnceButNotTwiceWithinTheGapInterval() {
    say(ALICE, 1, "one", 1000); // 4
    say(ALICE, 2, "two", 1010); // 5, lost on the way to bob
    say(ALICE, 3, "three", 1020); // 6
    ack(ALICE, 6, 1020);
    ack(CAROL, 6, 1020);
    outbox.clear();

    // Bob's client shows 4, holds 6, and misses 5.
    ackGap(BOB, 4, 5, 1030);
    assertThat(outbox.lines(BOB)).containsExactly("chat 5 after 4 alice: two");
    outbox.clear();
    ackGap(BOB, 4, 5, 1030 + GAP_RESEND_INTERVAL_MS - 1);
    assertThat(outbox.sent).isEmpty();
    ackGap(BOB, 4, 5, 1030 + GAP_RESEND_INTERVAL_MS);
    assertThat(outbox.lines(BOB)).containsExactly("chat 5 after 4 alice: two");
  }

  @Test
  void theNextGapAfterOneJustFilledIsResentAtOnce() {
    say(ALICE, 1, "one", 1000); // 4
    say(ALICE, 2, "two", 1010); // 5, lost on the way to bob
    say(ALICE, 3, "three", 1020); // 6
    say(ALICE, 4, "four", 1030); // 7, lost on the way to bob too
    say(ALICE, 5, "five", 1040); // 8
    outbox.clear();

    ackGap(BOB, 4, 5, 1050); // shows 4, holds 6 and 8
    assertThat(outbox.lines(BOB)).containsExactly("chat 5 after 4 alice: two");
    outbox.clear();
    // 5 came: bob shows 5 and 6 and names the next gap within the interval. The stream moved
    // on, so this is a new gap, not the same one asked for again.
    ackGap(BOB, 6, 7, 1051);
    assertThat(outbox.lines(BOB)).containsExactly("chat 7 after 6 alice: four");
    outbox.clear();
    ackGap(BOB, 6, 7, 1052); // the same gap again, too soon
    assertThat(outbox.sent).isEmpty();
  }

  @Test
  void aGapBeyondWhatWasSentEndsAtTheLastEventSent() {
    say(ALICE, 1, "one", 1000); // 4
    say(ALICE, 2, "two", 1010); // 5
    outbox.clear();
    ackGap(BOB, 3, 1000, 1020);
    assertThat(outbox.lines(BOB))
        .containsExactly("chat 4 after 3 alice: one", "chat 5 after 4 alice: two");
  }

  @Test
  void anAckWithoutAGapResendsNothingAtOnceEvenWhenBehind() {
    say(ALICE, 1, "one", 1000); // 4
    outbox.clear();
    ack(BOB, 3, 1010); // a heartbeat: what is missing comes when its timeout is due
    ack(BOB, 3, 1010 + GAP_RESEND_INTERVAL_MS);
    assertThat(outbox.sent).isEmpty();
  }

  // ---- Client messages: each number posted once and in order ----

  @Test
  void aSayReceivedTwiceIsPostedOnceAndAcknowledgedTwiceWithTheSameSeq() {
    say(ALICE, 1, "hi", 10);
    say(ALICE, 1, "hi", 20); // its Posted was lost
    assertThat(outbox.lines(ALICE))
        .containsExactly("posted 1 as 4", "chat 4 after 3 alice: hi", "posted 1 as 4");
    assertThat(outbox.lines(BOB)).containsExactly("chat 4 after 3 alice: hi");
    assertThat(room.head()).isEqualTo(4);
  }

  @Test
  void aSayAheadOfItsTurnIsHeldUnansweredUntilTheGapIsFilledThenBothGoInOrder() {
    say(ALICE, 2, "second", 10); // 1 was lost
    assertThat(outbox.sent).isEmpty();
    assertThat(room.head()).isEqualTo(3);

    say(ALICE, 1, "first", 20);
    assertThat(outbox.lines(ALICE))
        .containsExactly(
            "posted 1 as 4",
            "chat 4 after 3 alice: first",
            "posted 2 as 5",
            "chat 5 after 4 alice: second");
    assertThat(outbox.lines(BOB))
        .containsExactly("chat 4 after 3 alice: first", "chat 5 after 4 alice: second");
  }

  @Test
  void aRefusedSaySentAgainGetsTheSameRefusalAndTheNextNumberGoesOn() {
    String tooLong = "x".repeat(Limits.MAX_TEXT_BYTES + 1);
    say(ALICE, 1, tooLong, 10);
    say(ALICE, 1, tooLong, 20); // the refusal was lost
    List<ServerMessage> answers = outbox.to(ALICE);
    assertThat(answers).hasSize(2);
    assertThat(answers.get(0)).isInstanceOf(ErrorReply.class).isEqualTo(answers.get(1));
    assertThat(outbox.lines(ALICE)).containsOnly("refused 1: " + ErrorReply.TOO_LONG);
    assertThat(room.head()).isEqualTo(3);

    say(ALICE, 2, "shorter", 30);
    assertThat(outbox.last(ALICE, Posted.class)).isEqualTo(new Posted(2, 4));
    assertThat(outbox.lines(BOB)).containsExactly("chat 4 after 3 alice: shorter");
  }

  @Test
  void aRefusedTellSentAgainGetsTheSameRefusal() {
    tell(ALICE, 1, "zed", "psst", 10);
    tell(ALICE, 1, "zed", "psst", 20);
    assertThat(outbox.lines(ALICE))
        .containsExactly(
            "refused 1: " + ErrorReply.NO_SUCH_MEMBER, "refused 1: " + ErrorReply.NO_SUCH_MEMBER);
  }

  @Test
  void aJoinFromAMembersAddressCannotMakeTheRoomSkipItsMessages() {
    // A join carries no token: anyone can forge one with alice's address and client id. It
    // gets her welcome again (sent to her), and changes nothing else.
    room.onRequest(ALICE, new Join("alice", ClientIds.of("alice"), 99, null), 5);
    assertThat(outbox.last(ALICE, Welcome.class).session()).isEqualTo(sessions.get(ALICE));
    outbox.clear();
    say(ALICE, 1, "first", 10);
    assertThat(outbox.lines(ALICE)).startsWith("posted 1 as 4");
    assertThat(outbox.lines(BOB)).containsExactly("chat 4 after 3 alice: first");
  }

  @Test
  void aRejoiningClientIsNeverPostedTwiceWhatTheRoomPostedBefore() {
    say(ALICE, 1, "hi", 10); // 4; its Posted is lost, and alice leaves
    room.onRequest(ALICE, new Leave(sessions.get(ALICE)), 20); // 5
    Admit.join(room, outbox, ALICE, new Join("alice", ClientIds.of("alice"), 1, 5L), 30); // 6
    sessions.put(ALICE, outbox.last(ALICE, Welcome.class).session());
    outbox.clear();

    say(ALICE, 1, "hi", 40);
    assertThat(outbox.lines(ALICE)).containsExactly("posted 1 as 4");
    assertThat(room.head()).isEqualTo(6);
    say(ALICE, 2, "again", 50);
    assertThat(outbox.lines(ALICE)).contains("posted 2 as 7");
  }

  // ---- Joining: the backlog, a rejoin's catch-up, and what the ring no longer keeps ----

  @Test
  void aNewcomerGetsTheLastBacklogChatsWithTheNoticesBetweenButNoOnesPrivates() {
    say(ALICE, 1, "zero", 10); // 4: one chat too many for a backlog of 2
    say(BOB, 1, "one", 20); // 5
    room.onRequest(CAROL, new Nick(sessions.get(CAROL), 1, "caroline"), 30); // 6
    tell(ALICE, 2, "bob", "psst", 40); // 7
    say(CAROL, 1, "two", 50); // 8
    outbox.clear();

    join(DAVE, "dave", 60); // 9
    Welcome welcome = outbox.last(DAVE, Welcome.class);
    assertThat(welcome.start()).isEqualTo(4);
    assertThat(welcome.head()).isEqualTo(8);
    assertThat(outbox.to(DAVE).get(0)).isSameAs(welcome);
    assertThat(outbox.lines(DAVE).subList(1, outbox.to(DAVE).size()))
        .containsExactly(
            "chat 5 after 4 bob: one",
            "renamed 6 after 5 carol>caroline",
            "chat 8 after 6 caroline: two",
            "joined 9 after 8 dave");
  }

  @Test
  void aRejoiningClientGetsEveryEventAfterSinceRightAfterItsWelcome() {
    room.onRequest(ALICE, new Leave(sessions.get(ALICE)), 10); // 4
    say(BOB, 1, "one", 20); // 5
    say(CAROL, 1, "two", 30); // 6
    say(BOB, 2, "three", 40); // 7
    outbox.clear();

    // Alice's client showed up to 3 before it left; far more than the backlog of 2 chats follows.
    Admit.join(room, outbox, ALICE, new Join("alice", ClientIds.of("alice"), 1, 3L), 50); // 8
    Welcome welcome = outbox.last(ALICE, Welcome.class);
    assertThat(welcome.start()).isEqualTo(3);
    assertThat(welcome.head()).isEqualTo(7);
    assertThat(outbox.to(ALICE).get(0)).isSameAs(welcome);
    assertThat(outbox.lines(ALICE).subList(1, outbox.to(ALICE).size()))
        .containsExactly(
            "left 4 after 3 alice",
            "chat 5 after 4 bob: one",
            "chat 6 after 5 carol: two",
            "chat 7 after 6 bob: three",
            "joined 8 after 7 alice");
  }

  @Test
  void aSinceBeyondTheHeadStartsTheStreamNow() {
    Admit.join(room, outbox, DAVE, new Join("dave", ClientIds.of("dave"), 1, 1000L), 10); // 4
    Welcome welcome = outbox.last(DAVE, Welcome.class);
    assertThat(welcome.start()).isEqualTo(3);
    assertThat(welcome.head()).isEqualTo(3);
    assertThat(outbox.lines(DAVE)).endsWith("joined 4 after 3 dave");
  }

  @Test
  void aMemberFurtherBehindThanTheRingIsToldHowManyEventsItLostThenGetsTheRest() {
    for (int n = 1; n <= 10; n++) {
      say(ALICE, n, "m" + n, 100); // 4 to 13; the ring keeps 6 to 13
    }
    ack(ALICE, 13, 100);
    ack(CAROL, 13, 100);
    outbox.clear();

    room.resendDue(100 + RTO_MS);
    assertThat(outbox.lines(BOB))
        .containsExactly(
            "lost ..5 after 3, 2 events",
            "chat 6 after 5 alice: m3",
            "chat 7 after 6 alice: m4",
            "chat 8 after 7 alice: m5",
            "chat 9 after 8 alice: m6",
            "chat 10 after 9 alice: m7",
            "chat 11 after 10 alice: m8",
            "chat 12 after 11 alice: m9",
            "chat 13 after 12 alice: m10");
  }

  @Test
  void aRejoinFromBeforeTheRingStartsWithWhatWasLost() {
    room.onRequest(ALICE, new Leave(sessions.get(ALICE)), 10); // 4
    for (int n = 1; n <= 9; n++) {
      say(BOB, n, "m" + n, 20); // 5 to 13; the ring keeps 6 to 13
    }
    outbox.clear();

    Admit.join(room, outbox, ALICE, new Join("alice", ClientIds.of("alice"), 1, 3L), 30); // 14
    Welcome welcome = outbox.last(ALICE, Welcome.class);
    assertThat(welcome.start()).isEqualTo(3);
    assertThat(welcome.head()).isEqualTo(13);
    List<String> stream = outbox.lines(ALICE).subList(1, outbox.to(ALICE).size());
    assertThat(stream).startsWith("lost ..5 after 3, 2 events", "chat 6 after 5 bob: m2");
    assertThat(stream).endsWith("chat 13 after 12 bob: m9", "joined 14 after 13 alice");
    assertThat(stream).hasSize(1 + 8 + 1);
  }

  // ---- Expiry and history ----

  @Test
  void anExpiredMembersUnacknowledgedEventsAreNotResent() {
    say(BOB, 1, "hi", 1000);
    room.onRequest(BOB, new Ping(sessions.get(BOB), 1), TIMEOUT_MS);
    room.onRequest(CAROL, new Ping(sessions.get(CAROL), 1), TIMEOUT_MS);
    assertThat(room.expire(TIMEOUT_MS + 1)).containsExactly("alice");
    outbox.clear();
    room.resendDue(60_000);
    assertThat(outbox.to(ALICE)).isEmpty();
  }

  /**
   * A private message sent to a member whose network is down, whose session then expires, is what a
   * rejoin with {@code since} should catch up on.
   */
  @Test
  void aPrivateMessageMissedBeforeAnExpiryReachesTheRejoinedClient() {
    tell(BOB, 1, "alice", "are you there?", 1000); // 4, lost on the way to alice
    room.onRequest(BOB, new Ping(sessions.get(BOB), 1), TIMEOUT_MS);
    room.onRequest(CAROL, new Ping(sessions.get(CAROL), 1), TIMEOUT_MS);
    room.expire(TIMEOUT_MS + 1); // 5
    outbox.clear();

    Admit.join(
        room, outbox, ALICE, new Join("alice", ClientIds.of("alice"), 1, 3L), TIMEOUT_MS + 2); // 6
    assertThat(outbox.lines(ALICE))
        .contains("private 4 after 3 bob>alice: are you there?", "expired 5 after 4 alice");
  }

  @Test
  void historyAnswersWithTheRequestsIdAndSizeAndNoPrivates() {
    say(ALICE, 1, "one", 10); // 4
    tell(ALICE, 2, "bob", "psst", 20); // 5
    say(BOB, 1, "two", 30); // 6
    outbox.clear();

    request(BOB, new History(sessions.get(BOB), 9, 3), 40);
    assertThat(outbox.to(BOB))
        .containsExactly(
            new Notice(Notice.Kind.JOINED.wire(), "carol", null, 3, 3L, null, 0L, 9L, 3),
            new Chat(4, null, 10, "alice", "one", false, 9L, 3),
            new Chat(6, null, 30, "bob", "two", false, 9L, 3));
    assertThat(outbox.to(ALICE)).isEmpty();
  }

  // ---- Helpers: each member talks from its own address with its own session ----

  void join(InetSocketAddress from, String name, long nowMs) {
    Admit.join(room, outbox, from, new Join(name, ClientIds.of(name), 1, null), nowMs);
    sessions.put(from, outbox.last(from, Welcome.class).session());
  }

  void say(InetSocketAddress from, long n, String text, long nowMs) {
    request(from, new Say(sessions.get(from), n, text, false), nowMs);
  }

  void tell(InetSocketAddress from, long n, String to, String text, long nowMs) {
    request(from, new Tell(sessions.get(from), n, to, text), nowMs);
  }

  void ack(InetSocketAddress from, long seq, long nowMs) {
    request(from, new Ack(sessions.get(from), seq), nowMs);
  }

  /** An ack from a client that holds later events and misses those up to {@code missingTo}. */
  void ackGap(InetSocketAddress from, long seq, long missingTo, long nowMs) {
    request(from, new Ack(sessions.get(from), seq, missingTo), nowMs);
  }

  void request(InetSocketAddress from, ClientMessage request, long nowMs) {
    room.onRequest(from, request, nowMs);
  }

  static List<String> names(List<InetSocketAddress> addresses) {
    Map<InetSocketAddress, String> names =
        Map.of(ALICE, "alice", BOB, "bob", CAROL, "carol", DAVE, "dave");
    return addresses.stream().map(names::get).sorted().toList();
  }
}
