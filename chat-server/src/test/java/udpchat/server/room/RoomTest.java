package udpchat.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import udpchat.protocol.Ack;
import udpchat.protocol.Chat;
import udpchat.protocol.Drops;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Join;
import udpchat.protocol.Leave;
import udpchat.protocol.Limits;
import udpchat.protocol.Members;
import udpchat.protocol.Nick;
import udpchat.protocol.Notice;
import udpchat.protocol.Ping;
import udpchat.protocol.Pong;
import udpchat.protocol.Posted;
import udpchat.protocol.Private;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.Retry;
import udpchat.protocol.Say;
import udpchat.protocol.Tell;
import udpchat.protocol.Welcome;
import udpchat.protocol.Who;
import udpchat.protocol.json.Codec;
import udpchat.server.ClientIds;
import udpchat.server.ServerConfig;
import udpchat.server.journal.RoomLog;

/**
 * What each request does to the room and its members; the stream's delivery is RoomDeliveryTest.
 */
public class RoomTest {

  static final long TIMEOUT_MS = 15_000;
  static final long EPOCH = 42;
  static final InetSocketAddress ALICE = new InetSocketAddress("127.0.0.1", 40001);
  static final InetSocketAddress BOB = new InetSocketAddress("127.0.0.1", 40002);
  static final InetSocketAddress CAROL = new InetSocketAddress("127.0.0.1", 40003);
  static final InetSocketAddress STRANGER = new InetSocketAddress("127.0.0.1", 40009);

  final RecordingOutbox outbox = new RecordingOutbox();
  final Drops drops = new Drops(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
  final Room room =
      new Room(
          outbox,
          new Codec(),
          drops,
          new RoomLog(ServerConfig.DEFAULT_HISTORY, null),
          Duration.ofMillis(TIMEOUT_MS),
          Duration.ofSeconds(5),
          ServerConfig.DEFAULT_BACKLOG,
          EPOCH,
          ServerConfig.DEFAULT_MAX_MEMBERS,
          ServerConfig.DEFAULT_MAX_PER_ADDRESS,
          0,
          java.util.function.LongUnaryOperator
              .identity()); // each membership change its own notice, as the tests count events

  String alice;
  String bob;

  /** Events 1 and 2 are their joins; both have acknowledged them, so nothing is due again. */
  @BeforeEach
  void aliceAndBobJoinAtTimeZero() {
    alice = join(ALICE, "alice", 0);
    bob = join(BOB, "bob", 0);
    room.onRequest(ALICE, new Ack(alice, 2), 0);
    room.onRequest(BOB, new Ack(bob, 2), 0);
    outbox.clear();
  }

  String join(InetSocketAddress from, String name, long nowMs) {
    Admit.join(room, outbox, from, new Join(name, ClientIds.of(name), 1, null), nowMs);
    return outbox.last(from, Welcome.class).session();
  }

  @Test
  void welcomeCarriesTheServersHeartbeatTimeoutEpochAndWhereTheStreamStarts() {
    join(CAROL, "carol", 0);
    Welcome welcome = outbox.last(CAROL, Welcome.class);
    assertThat(welcome.name()).isEqualTo("carol");
    assertThat(welcome.heartbeatMs()).isEqualTo(5000);
    assertThat(welcome.timeoutMs()).isEqualTo(TIMEOUT_MS);
    assertThat(welcome.online()).isEqualTo(3);
    assertThat(welcome.session()).hasSize(22).isNotIn(alice, bob);
    assertThat(welcome.epoch()).isEqualTo(EPOCH);
    // No chat yet, so no backlog: the stream starts after the last event, bob's join.
    assertThat(welcome.start()).isEqualTo(2);
    assertThat(welcome.head()).isEqualTo(2);
  }

  @Test
  void everyoneIsToldOfAJoinTheJoinerInItsOwnStreamAfterItsWelcome() {
    join(CAROL, "carol", 7);
    Notice joined = new Notice(Notice.Kind.JOINED.wire(), "carol", null, 3, 3L, 2L, 7L, null, null);
    assertThat(outbox.to(ALICE)).containsExactly(joined);
    assertThat(outbox.to(BOB)).containsExactly(joined);
    assertThat(outbox.to(CAROL)).hasSize(2).element(1).isEqualTo(joined);
    assertThat(outbox.to(CAROL).get(0)).isInstanceOf(Welcome.class);
  }

  @Test
  void aNameIsTakenIgnoringCaseAndWidth() {
    for (String lookalike : new String[] {"ALICE", "Alice", "ａｌｉｃｅ"}) {
      Admit.join(room, outbox, CAROL, new Join(lookalike, ClientIds.of("carol"), 1, null), 0);
      assertThat(outbox.last(CAROL, ErrorReply.class).code()).isEqualTo(ErrorReply.NAME_TAKEN);
    }
    assertThat(room.names()).containsExactly("alice", "bob");
  }

  @Test
  void aNameIsTakenAfterFullCaseFoldingAndALookAlikeMixIsRefused() {
    join(CAROL, "Straße", 0);
    InetSocketAddress dave = new InetSocketAddress("127.0.0.1", 40004);
    for (String variant : new String[] {"STRASSE", "strasse", "ＳＴＲＡＳＳＥ"}) {
      Admit.join(room, outbox, dave, new Join(variant, ClientIds.of("dave"), 1, null), 0);
      assertThat(outbox.last(dave, ErrorReply.class).code()).isEqualTo(ErrorReply.NAME_TAKEN);
    }
    // "аlice" with a Cyrillic а, "alicе" with a Cyrillic е: not taken, refused outright.
    for (String lookalike : new String[] {"\u0430lice", "alic\u0435"}) {
      Admit.join(room, outbox, dave, new Join(lookalike, ClientIds.of("dave"), 1, null), 0);
      ErrorReply error = outbox.last(dave, ErrorReply.class);
      assertThat(error.code()).isEqualTo(ErrorReply.NAME_INVALID);
      assertThat(error.message()).contains("one script", "Cyrillic", "Latin");
    }
    room.onRequest(ALICE, new Nick(alice, 5, "b\u03bfb"), 10); // a Greek omicron
    assertThat(outbox.last(ALICE, ErrorReply.class).code()).isEqualTo(ErrorReply.NAME_INVALID);
    assertThat(room.names()).containsExactly("alice", "bob", "Straße");
  }

  @Test
  void aNameThatLooksLikeAMembersIsRefusedWhateverItsScript() {
    join(CAROL, "cop", 0);
    InetSocketAddress dave = new InetSocketAddress("127.0.0.1", 40004);
    // All Cyrillic, so one script: valid, but it reads as "cop".
    String cyrillicCop = "\u0441\u043e\u0440";
    Admit.join(room, outbox, dave, new Join(cyrillicCop, ClientIds.of("dave"), 1, null), 0);
    ErrorReply refused = outbox.last(dave, ErrorReply.class);
    assertThat(refused.code()).isEqualTo(ErrorReply.NAME_TAKEN);
    assertThat(refused.message())
        .isEqualTo(
            "the name "
                + cyrillicCop
                + " looks too much like cop, a member of this room; choose another");
    room.onRequest(BOB, new Nick(bob, 5, "c0p"), 10); // a zero
    assertThat(outbox.last(BOB, ErrorReply.class).message()).contains("looks too much like cop");
    room.onRequest(BOB, new Nick(bob, 6, "alex"), 20);
    room.onRequest(BOB, new Nick(bob, 7, "ALEX"), 30); // its own name in capitals: still its own
    assertThat(room.names()).containsExactly("ALEX", "alice", "cop");

    // Once cop is gone, the look is free, and a message to cop finds nobody.
    String carol = outbox.last(CAROL, Welcome.class).session();
    room.onRequest(CAROL, new Leave(carol), 40);
    Admit.join(room, outbox, dave, new Join(cyrillicCop, ClientIds.of("dave"), 1, null), 50);
    assertThat(room.names()).containsExactly("ALEX", "alice", cyrillicCop);
    room.onRequest(BOB, new Tell(bob, 1, "cop", "hi"), 60);
    assertThat(outbox.last(BOB, ErrorReply.class).code()).isEqualTo(ErrorReply.NO_SUCH_MEMBER);
  }

  @Test
  void anInvalidNameIsAnsweredWithTheProblem() {
    Admit.join(room, outbox, CAROL, new Join("carol smith", ClientIds.of("carol"), 1, null), 0);
    ErrorReply error = outbox.last(CAROL, ErrorReply.class);
    assertThat(error.code()).isEqualTo(ErrorReply.NAME_INVALID);
    assertThat(error.message()).contains("U+0020");
    room.onRequest(ALICE, new Nick(alice, 4, "x".repeat(33)), 10);
    assertThat(outbox.last(ALICE, ErrorReply.class))
        .satisfies(e -> assertThat(e.code()).isEqualTo(ErrorReply.NAME_INVALID))
        .satisfies(e -> assertThat(e.ref()).isEqualTo(4));
    assertThat(room.names()).containsExactly("alice", "bob");
  }

  @Test
  void aPrivateMessageToAnImpossibleNameIsAnsweredWithoutEchoingIt() {
    room.onRequest(ALICE, new Tell(alice, 1, "z".repeat(1000), "psst"), 10);
    ErrorReply error = outbox.last(ALICE, ErrorReply.class);
    assertThat(error.code()).isEqualTo(ErrorReply.NO_SUCH_MEMBER);
    assertThat(error.message()).isEqualTo("there is no member with that name");
    assertThat(error.n()).isEqualTo(1);
  }

  @Test
  void aRetransmittedJoinGetsTheSameWelcomeAndAnotherNameOrClientIsRefused() {
    room.onRequest(ALICE, new Join("alice", ClientIds.of("alice"), 1, null), 1000);
    assertThat(outbox.last(ALICE, Welcome.class).session()).isEqualTo(alice);
    room.onRequest(ALICE, new Join("mallory", ClientIds.of("alice"), 1, null), 1000);
    assertThat(outbox.last(ALICE, ErrorReply.class).code()).isEqualTo(ErrorReply.ALREADY_JOINED);
    outbox.clear();
    room.onRequest(ALICE, new Join("alice", ClientIds.of("mallory"), 1, null), 1000);
    assertThat(outbox.to(ALICE))
        .singleElement()
        .satisfies(e -> assertThat(((ErrorReply) e).code()).isEqualTo(ErrorReply.ALREADY_JOINED));
    assertThat(room.names()).containsExactly("alice", "bob");
    assertThat(room.head()).isEqualTo(2); // nobody joined, nobody was told anything
  }

  @Test
  void aChatGoesToEveryoneInTheirStreamAndIsAcknowledgedToItsSender() {
    join(CAROL, "carol", 0); // event 3
    outbox.clear();
    room.onRequest(ALICE, new Say(alice, 1, "hello", false), 10);
    Chat expected = new Chat(4, 3L, 10, "alice", "hello", false, null, null);
    assertThat(outbox.to(BOB)).containsExactly(expected);
    assertThat(outbox.to(CAROL)).containsExactly(expected);
    assertThat(outbox.to(ALICE)).containsExactly(new Posted(1, 4), expected);
  }

  @Test
  void controlCharactersAreEscapedBeforeTheyAreForwarded() {
    room.onRequest(ALICE, new Say(alice, 1, "\u001b]0;owned\u0007 hi \u202e", false), 10);
    assertThat(outbox.last(BOB, Chat.class).text()).isEqualTo("^[]0;owned^G hi <U+202E>");
  }

  @Test
  void aTextOverTheLimitIsRefusedWithItsMessageNumber() {
    room.onRequest(ALICE, new Say(alice, 1, "x".repeat(Limits.MAX_TEXT_BYTES + 1), false), 10);
    ErrorReply error = outbox.last(ALICE, ErrorReply.class);
    assertThat(error.code()).isEqualTo(ErrorReply.TOO_LONG);
    assertThat(error.n()).isEqualTo(1);
    assertThat(outbox.to(BOB)).isEmpty();
    assertThat(room.head()).isEqualTo(2);
  }

  @Test
  void aPrivateMessageReachesOnlyItsTargetAndConfirmsToTheSender() {
    join(CAROL, "carol", 0); // event 3
    outbox.clear();
    room.onRequest(ALICE, new Tell(alice, 1, "BOB", "psst"), 10);
    Private expected = new Private(4, 3L, 10, "alice", "bob", "psst");
    assertThat(outbox.to(BOB)).containsExactly(expected);
    assertThat(outbox.to(ALICE)).containsExactly(new Posted(1, 4), expected);
    assertThat(outbox.to(CAROL)).isEmpty();
  }

  @Test
  void aPrivateMessageToNobodyIsRefusedWithItsMessageNumber() {
    room.onRequest(ALICE, new Tell(alice, 1, "zed", "psst"), 10);
    ErrorReply error = outbox.last(ALICE, ErrorReply.class);
    assertThat(error.code()).isEqualTo(ErrorReply.NO_SUCH_MEMBER);
    assertThat(error.n()).isEqualTo(1);
    assertThat(room.head()).isEqualTo(2);
  }

  @Test
  void whoListsTheMembersInNameOrder() {
    join(CAROL, "Carol", 0);
    room.onRequest(BOB, new Who(bob, 3), 10);
    assertThat(outbox.last(BOB, Members.class))
        .isEqualTo(new Members(3, java.util.List.of("alice", "bob", "Carol")));
  }

  @Test
  void aLargeRoomsListIsSplitIntoDatagramsThatFit() {
    // From 200 hosts: one address holds at most 64 places.
    for (int i = 0; i < 200; i++) {
      join(new InetSocketAddress("127.0.1." + i, 41000), "member-with-a-long-name-" + i, 0);
    }
    outbox.clear();
    room.onRequest(BOB, new Who(bob, 3), 10);
    Codec codec = new Codec();
    java.util.List<Members> parts = outbox.to(BOB).stream().map(Members.class::cast).toList();
    assertThat(parts).hasSizeGreaterThan(1);
    assertThat(parts).allSatisfy(part -> assertThat(part.total()).isEqualTo(202));
    assertThat(parts.stream().mapToInt(part -> part.names().size()).sum()).isEqualTo(202);
    assertThat(parts)
        .allSatisfy(
            part ->
                assertThat(codec.encode(part).length)
                    .isLessThanOrEqualTo(Limits.MAX_DATAGRAM_BYTES));
  }

  @Test
  void nickRenamesAndTellsTheWholeRoom() {
    room.onRequest(ALICE, new Nick(alice, 1, "Alicia"), 10);
    Notice renamed =
        new Notice(Notice.Kind.RENAMED.wire(), "alice", "Alicia", 2, 3L, 2L, 10L, null, null);
    assertThat(outbox.to(ALICE)).containsExactly(renamed);
    assertThat(outbox.to(BOB)).containsExactly(renamed);
    assertThat(room.names()).containsExactly("Alicia", "bob");
    Admit.join(room, outbox, CAROL, new Join("alice", ClientIds.of("carol"), 1, null), 20);
    assertThat(room.names()).contains("alice"); // the old name is free again
  }

  @Test
  void nickToAnotherMembersNameIsRefusedButACaseChangeIsAllowed() {
    room.onRequest(ALICE, new Nick(alice, 1, "Bob"), 10);
    assertThat(outbox.last(ALICE, ErrorReply.class).code()).isEqualTo(ErrorReply.NAME_TAKEN);
    room.onRequest(ALICE, new Nick(alice, 2, "ALICE"), 10);
    assertThat(room.names()).containsExactly("ALICE", "bob");
  }

  @Test
  void leaveRemovesAtOnceAndTellsTheOthers() {
    room.onRequest(ALICE, new Leave(alice), 10);
    assertThat(room.names()).containsExactly("bob");
    assertThat(outbox.to(BOB))
        .containsExactly(
            new Notice(Notice.Kind.LEFT.wire(), "alice", null, 1, 3L, 2L, 10L, null, null));
    assertThat(outbox.to(ALICE)).isEmpty();
  }

  @Test
  void aForgedTokenFromAMembersAddressIsDroppedAndChangesNothing() {
    // Bob's token from Alice's address: a forged source address cannot speak for anyone.
    room.onRequest(ALICE, new Say(bob, 1, "I am bob", false), 10);
    room.onRequest(ALICE, new Leave(bob), 10);
    assertThat(outbox.sent).isEmpty();
    assertThat(room.names()).containsExactly("alice", "bob");
    assertThat(drops.count(Drops.FORGED_SESSION)).isEqualTo(2);
  }

  @Test
  void aForgedHeartbeatDoesNotKeepAMemberAlive() {
    room.onRequest(ALICE, new Ping(bob, 1), TIMEOUT_MS);
    assertThat(room.expire(TIMEOUT_MS + 1)).containsExactlyInAnyOrder("alice", "bob");
  }

  @Test
  void aRequestFromAnUnknownAddressIsToldToJoinAgainWithACookie() {
    room.onRequest(STRANGER, new Ping(alice, 9), 10);
    assertThat(outbox.to(STRANGER)).singleElement().isInstanceOf(Retry.class);
    assertThat(drops.count(Drops.NOT_JOINED)).isEqualTo(1);
    room.onRequest(STRANGER, new Leave(alice), 10); // a leave is never answered
    assertThat(outbox.to(STRANGER)).hasSize(1);
    assertThat(room.names()).containsExactly("alice", "bob");
  }

  @Test
  void aPingIsAnsweredWithItsId() {
    room.onRequest(ALICE, new Ping(alice, 77), 10);
    assertThat(outbox.to(ALICE)).containsExactly(new Pong(77));
  }

  @Test
  void expiryHappensOnlyAfterTheTimeoutHasPassed() {
    room.onRequest(BOB, new Ping(bob, 1), 5_000); // bob is heard from at 5 s, alice never again
    assertThat(room.expire(TIMEOUT_MS - 1)).isEmpty();
    assertThat(room.expire(TIMEOUT_MS)).isEmpty();
    assertThat(room.expire(TIMEOUT_MS + 1)).containsExactly("alice");
    assertThat(room.names()).containsExactly("bob");
    assertThat(room.expire(5_000 + TIMEOUT_MS)).isEmpty();
    assertThat(room.expire(5_000 + TIMEOUT_MS + 1)).containsExactly("bob");
  }

  @Test
  void anyAuthenticatedDatagramCountsAsAHeartbeat() {
    room.onRequest(ALICE, new Say(alice, 1, "still here", false), 10_000);
    assertThat(room.expire(TIMEOUT_MS + 1)).containsExactly("bob");
    assertThat(room.expire(10_000 + TIMEOUT_MS + 1)).containsExactly("alice");
  }

  @Test
  void aSweepFindsTheSilentInTheOrderTheyWereLastHeardFrom() {
    // The sweep walks the members the longest silent first and stops at the first one heard
    // recently: whoever was heard from again moves behind the others.
    room.onRequest(ALICE, new Ping(alice, 1), 3_000);
    room.onRequest(BOB, new Ping(bob, 1), 2_000);
    room.onRequest(BOB, new Ping(bob, 2), 4_000);
    room.onRequest(ALICE, new Ping(bob, 3), 9_000); // forged: moves nobody
    assertThat(room.expire(3_000 + TIMEOUT_MS)).isEmpty();
    assertThat(room.expire(3_000 + TIMEOUT_MS + 1)).containsExactly("alice");
    assertThat(room.expire(4_000 + TIMEOUT_MS + 1)).containsExactly("bob");
  }

  @Test
  void theRoomIsToldOfAnExpiryInItsStreamAndTheExpiredMemberOutsideIt() {
    room.onRequest(BOB, new Ping(bob, 1), 5_000);
    outbox.clear();
    room.expire(TIMEOUT_MS + 1);
    // bob, silent for over half the timeout, is also announced as suspect (RoomPresenceTest).
    assertThat(outbox.to(BOB))
        .filteredOn(Notice.class::isInstance)
        .containsExactly(
            new Notice(
                Notice.Kind.EXPIRED.wire(), "alice", null, 1, 3L, 2L, TIMEOUT_MS + 1, null, null));
    assertThat(outbox.to(ALICE))
        .containsExactly(Notice.unnumbered(Notice.Kind.EXPIRED, "alice", 1));
  }

  @Test
  void anExpiredMemberIsToldItsSessionIsUnknownAndCanJoinAgain() {
    room.expire(TIMEOUT_MS + 1);
    room.onRequest(ALICE, new Ping(alice, 5), TIMEOUT_MS + 2);
    assertThat(outbox.last(ALICE, Retry.class)).isNotNull();
    String again = join(ALICE, "alice", TIMEOUT_MS + 3);
    assertThat(again).isNotEqualTo(alice);
    assertThat(room.names()).containsExactly("alice");
  }

  @Test
  void aMemberIsToldOfItsMalformedDatagramAtMostOnceASecond() {
    ProtocolException problem =
        new ProtocolException(ProtocolException.Reason.NOT_JSON, "Unexpected character");
    room.onMalformed(ALICE, problem, 1000);
    room.onMalformed(ALICE, problem, 1999);
    room.onMalformed(ALICE, problem, 2000);
    room.onMalformed(STRANGER, problem, 2000);
    assertThat(outbox.to(ALICE))
        .hasSize(2)
        .allSatisfy(m -> assertThat(((ErrorReply) m).code()).isEqualTo(ErrorReply.MALFORMED));
    assertThat(outbox.to(STRANGER)).isEmpty();
  }

  @Test
  void shutdownTellsEveryoneOnceAndThenIgnoresRequests() {
    room.shutdown();
    room.shutdown();
    assertThat(outbox.to(ALICE)).containsExactly(Notice.unnumbered(Notice.Kind.SHUTDOWN, null, 0));
    outbox.clear();
    room.onRequest(CAROL, new Join("carol", ClientIds.of("carol"), 1, null), 10);
    assertThat(outbox.sent).isEmpty();
  }
}
