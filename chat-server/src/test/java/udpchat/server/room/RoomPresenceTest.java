package udpchat.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import udpchat.protocol.Away;
import udpchat.protocol.Drops;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Join;
import udpchat.protocol.Leave;
import udpchat.protocol.Members;
import udpchat.protocol.Ping;
import udpchat.protocol.Presence;
import udpchat.protocol.Welcome;
import udpchat.protocol.Who;
import udpchat.protocol.json.Codec;
import udpchat.server.ClientIds;
import udpchat.server.ServerConfig;
import udpchat.server.journal.RoomLog;
import udpchat.server.room.members.MembershipNotices;

/** Away and suspect, decided at exact instants: suspect after more than half the timeout. */
public class RoomPresenceTest {

  static final long TIMEOUT_MS = 15_000;
  static final long HALF_MS = TIMEOUT_MS / 2;
  static final InetSocketAddress ALICE = new InetSocketAddress("127.0.0.1", 40001);
  static final InetSocketAddress BOB = new InetSocketAddress("127.0.0.1", 40002);

  final RecordingOutbox outbox = new RecordingOutbox();
  final Room room =
      new Room(
          outbox,
          new Codec(),
          new Drops(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)),
          new RoomLog(100, null),
          Duration.ofMillis(TIMEOUT_MS),
          Duration.ofSeconds(5),
          0,
          1,
          ServerConfig.DEFAULT_MAX_MEMBERS,
          ServerConfig.DEFAULT_MAX_PER_ADDRESS,
          MembershipNotices.HOLD_MS,
          java.util.function.LongUnaryOperator.identity());

  String alice;
  String bob;

  @BeforeEach
  void aliceAndBobJoinAtTimeZero() {
    Admit.join(room, outbox, ALICE, new Join("alice", ClientIds.of("alice"), 1, null), 0);
    alice = outbox.last(ALICE, Welcome.class).session();
    Admit.join(room, outbox, BOB, new Join("bob", ClientIds.of("bob"), 1, null), 0);
    bob = outbox.last(BOB, Welcome.class).session();
    outbox.clear();
  }

  @Test
  void awayAndBackAreToldToEveryoneTheSenderIncluded() {
    room.onRequest(BOB, new Away(bob, 1, true, "lunch \u001b[2J"), 10);
    Presence away = new Presence("bob", Presence.AWAY, "lunch ^[[2J", null);
    assertThat(outbox.last(ALICE, Presence.class)).isEqualTo(away);
    assertThat(outbox.last(BOB, Presence.class)).isEqualTo(away);

    room.onRequest(BOB, new Away(bob, 2, false, null), 20);
    assertThat(outbox.last(ALICE, Presence.class))
        .isEqualTo(new Presence("bob", Presence.ACTIVE, null, null));
  }

  @Test
  void aReasonTooLongIsRefusedAndNobodyIsTold() {
    room.onRequest(BOB, new Away(bob, 3, true, "x".repeat(Away.MAX_REASON_BYTES + 1)), 10);
    assertThat(outbox.last(BOB, ErrorReply.class).code()).isEqualTo(ErrorReply.TOO_LONG);
    assertThat(outbox.last(BOB, ErrorReply.class).ref()).isEqualTo(3);
    assertThat(outbox.to(ALICE)).isEmpty();
    room.onRequest(BOB, new Away(bob, 4, true, "x".repeat(Away.MAX_REASON_BYTES)), 10);
    assertThat(outbox.last(ALICE, Presence.class).state()).isEqualTo(Presence.AWAY);
  }

  @Test
  void aMemberSilentForMoreThanHalfTheTimeoutIsSuspectExactly() {
    room.onRequest(ALICE, new Ping(alice, 1), HALF_MS);
    room.expire(HALF_MS);
    assertThat(outbox.to(ALICE)).noneMatch(m -> m instanceof Presence);

    room.expire(HALF_MS + 1);
    Presence suspect = new Presence("bob", Presence.SUSPECT, null, HALF_MS + 1);
    assertThat(outbox.last(ALICE, Presence.class)).isEqualTo(suspect);
    outbox.clear();
    room.expire(HALF_MS + 500); // said once
    assertThat(outbox.to(ALICE)).noneMatch(m -> m instanceof Presence);

    room.onRequest(BOB, new Ping(bob, 2), HALF_MS + 600);
    assertThat(outbox.last(ALICE, Presence.class))
        .isEqualTo(new Presence("bob", Presence.ACTIVE, null, null));
  }

  @Test
  void aSuspectThatWasAwayIsAwayAgainWhenHeard() {
    room.onRequest(BOB, new Away(bob, 1, true, null), 0);
    room.onRequest(ALICE, new Ping(alice, 1), HALF_MS + 1);
    room.expire(HALF_MS + 1);
    room.onRequest(BOB, new Ping(bob, 2), HALF_MS + 2);
    assertThat(outbox.last(ALICE, Presence.class))
        .isEqualTo(new Presence("bob", Presence.AWAY, null, null));
  }

  @Test
  void whoIsFollowedByThePresenceOfThoseNotActive() {
    room.onRequest(BOB, new Away(bob, 1, true, "lunch"), 0);
    outbox.clear();
    room.onRequest(ALICE, new Who(alice, 2), 100);
    assertThat(outbox.to(ALICE))
        .containsExactly(
            new Members(2, java.util.List.of("alice", "bob")),
            new Presence("bob", Presence.AWAY, "lunch", null));
  }

  @Test
  void aMemberThatLeavesIsForgotten() {
    room.onRequest(BOB, new Away(bob, 1, true, "lunch"), 0);
    room.onRequest(BOB, new Leave(bob), 1);
    Admit.join(room, outbox, BOB, new Join("bob", ClientIds.of("bob"), 1, null), 2);
    outbox.clear();
    room.onRequest(ALICE, new Who(alice, 2), 3);
    assertThat(outbox.to(ALICE)).noneMatch(m -> m instanceof Presence);
  }
}
