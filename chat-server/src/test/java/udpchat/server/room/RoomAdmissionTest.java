package udpchat.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import udpchat.protocol.Drops;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Join;
import udpchat.protocol.Leave;
import udpchat.protocol.Limits;
import udpchat.protocol.Ping;
import udpchat.protocol.Pong;
import udpchat.protocol.Retry;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;
import udpchat.server.ClientIds;
import udpchat.server.ServerConfig;
import udpchat.server.door.Admission;
import udpchat.server.door.JoinCookies;
import udpchat.server.journal.RoomLog;
import udpchat.server.room.members.MembershipNotices;

/**
 * Who gets in, and what an address that is not a member is told: cookies, sizes, the reply budget,
 * the member cap, and what may refresh a member's last-seen time. Exact instants, no socket.
 */
public class RoomAdmissionTest {

  static final long TIMEOUT_MS = 15_000;
  static final InetSocketAddress ALICE = new InetSocketAddress("127.0.0.1", 40001);
  static final InetSocketAddress BOB = new InetSocketAddress("127.0.0.1", 40002);
  static final InetSocketAddress CAROL = new InetSocketAddress("127.0.0.1", 40003);
  static final InetSocketAddress MALLORY = new InetSocketAddress("127.0.0.66", 40666);

  final Codec codec = new Codec();
  final RecordingOutbox outbox = new RecordingOutbox();
  final Drops drops = new Drops(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));

  Room room(int maxMembers) {
    return room(maxMembers, ServerConfig.DEFAULT_MAX_PER_ADDRESS);
  }

  Room room(int maxMembers, int maxPerAddress) {
    return new Room(
        outbox,
        codec,
        drops,
        new RoomLog(ServerConfig.DEFAULT_HISTORY, null),
        Duration.ofMillis(TIMEOUT_MS),
        Duration.ofSeconds(5),
        ServerConfig.DEFAULT_BACKLOG,
        1,
        maxMembers,
        maxPerAddress,
        MembershipNotices.HOLD_MS,
        java.util.function.LongUnaryOperator.identity());
  }

  final Room room = room(ServerConfig.DEFAULT_MAX_MEMBERS);

  static Join join(String name) {
    return new Join(name, ClientIds.of(name), 1, null);
  }

  /** The cookie the room gives {@code from} at {@code nowMs}, as its retry carries it. */
  String cookieFor(Room room, InetSocketAddress from, long nowMs) {
    room.onRequest(from, join("probe"), nowMs);
    Retry retry = outbox.last(from, Retry.class);
    outbox.forget(retry);
    return retry.cookie();
  }

  @Test
  void aJoinWithoutACookieGetsARetryAndLeavesNoTrace() {
    room.onRequest(ALICE, join("alice"), 0);
    assertThat(outbox.to(ALICE)).singleElement().isInstanceOf(Retry.class);
    assertThat(room.size()).isZero();
    assertThat(room.head()).isZero(); // no event: the room did not notice anything
    int retryBytes = codec.encode(outbox.to(ALICE).get(0)).length;
    assertThat(retryBytes).isLessThan(codec.encode(join("alice")).length);
  }

  @Test
  void aJoinEchoingItsCookieGetsIn() {
    String cookie = cookieFor(room, ALICE, 0);
    room.onRequest(ALICE, join("alice").withCookie(cookie), 10);
    assertThat(outbox.to(ALICE).get(0)).isInstanceOf(Welcome.class);
    assertThat(room.names()).containsExactly("alice");
  }

  @Test
  void aCookieOfAnotherAddressOrTooOldIsAnsweredWithAFreshRetry() {
    String alicesCookie = cookieFor(room, ALICE, 0);
    room.onRequest(MALLORY, join("mallory").withCookie(alicesCookie), 0);
    assertThat(outbox.to(MALLORY)).singleElement().isInstanceOf(Retry.class);
    // Good until the end of the next 30-second slot, not a millisecond more.
    String bobsCookie = cookieFor(room, BOB, 0);
    room.onRequest(ALICE, join("alice").withCookie(alicesCookie), 2 * JoinCookies.SLOT_MS - 1);
    assertThat(room.names()).containsExactly("alice");
    room.onRequest(BOB, join("bob").withCookie(bobsCookie), 2 * JoinCookies.SLOT_MS);
    assertThat(outbox.last(BOB, Retry.class).cookie()).isNotEqualTo(bobsCookie);
    assertThat(room.names()).containsExactly("alice");
  }

  @Test
  void aJoinShorterThan1200BytesIsDroppedUnanswered() {
    room.onRequest(ALICE, join("alice"), Limits.MIN_JOIN_BYTES - 1, 0);
    assertThat(outbox.sent).isEmpty();
    assertThat(drops.count(Drops.SHORT_JOIN)).isEqualTo(1);
    room.onRequest(ALICE, join("alice"), Limits.MIN_JOIN_BYTES, 0);
    assertThat(outbox.to(ALICE)).singleElement().isInstanceOf(Retry.class);
  }

  @Test
  void noReplyToAStrangerIsLargerThanItsRequest() {
    // 55 bytes cannot hold any real request; if one claimed to, its 56-byte retry is not sent.
    room.onRequest(MALLORY, new Ping("AAAAAAAAAAAAAAAAAAAAAA", 1), 55, 0);
    assertThat(outbox.sent).isEmpty();
    assertThat(drops.count(Drops.WOULD_AMPLIFY)).isEqualTo(1);
    room.onRequest(MALLORY, new Ping("AAAAAAAAAAAAAAAAAAAAAA", 1), 56, 0);
    assertThat(outbox.to(MALLORY)).singleElement().isInstanceOf(Retry.class);
  }

  @Test
  void refusalsOfValidatedJoinsAreSmallerThanTheJoin() {
    Admit.join(room, outbox, ALICE, join("alice"), 0);
    String cookie = cookieFor(room, CAROL, 0);
    room.onRequest(CAROL, join("ALICE").withCookie(cookie), 0);
    room.onRequest(CAROL, join("carol smith").withCookie(cookie), 0);
    assertThat(outbox.to(CAROL))
        .extracting(m -> ((ErrorReply) m).code())
        .containsExactly(ErrorReply.NAME_TAKEN, ErrorReply.NAME_INVALID);
    for (ServerMessage refusal : outbox.to(CAROL)) {
      assertThat(codec.encode(refusal).length).isLessThan(Limits.MIN_JOIN_BYTES);
    }
  }

  @Test
  void repliesToStrangersAreCappedInAll() {
    int budget = Admission.STRANGER_REPLIES_PER_SECOND;
    for (int i = 0; i < budget + 10; i++) {
      InetSocketAddress forged = new InetSocketAddress("127.2.0.1", 1000 + i);
      room.onRequest(forged, new Ping("AAAAAAAAAAAAAAAAAAAAAA", i), 0);
    }
    assertThat(outbox.sent).hasSize(budget);
    assertThat(drops.count(Drops.REPLY_LIMITED)).isEqualTo(10);
    assertThat(room.admission().repliesSent()).isEqualTo(budget);
    room.onRequest(MALLORY, new Ping("AAAAAAAAAAAAAAAAAAAAAA", 1), 0);
    assertThat(outbox.to(MALLORY)).isEmpty();
    room.onRequest(MALLORY, new Ping("AAAAAAAAAAAAAAAAAAAAAA", 1), 1); // a millisecond: one more
    assertThat(outbox.to(MALLORY)).hasSize(1);
  }

  @Test
  void aFullRoomRefusesTheNextJoinUntilAPlaceFreesUp() {
    Room small = room(2);
    Admit.join(small, outbox, ALICE, join("alice"), 0);
    Admit.join(small, outbox, BOB, join("bob"), 0);
    String bobsSession = outbox.last(BOB, Welcome.class).session();
    String cookie = cookieFor(small, CAROL, 0);
    small.onRequest(CAROL, join("carol").withCookie(cookie), 0);
    ErrorReply full = outbox.last(CAROL, ErrorReply.class);
    assertThat(full.code()).isEqualTo(ErrorReply.ROOM_FULL);
    assertThat(full.message()).isEqualTo("the room is full: it holds at most 2 members");
    assertThat(small.names()).containsExactly("alice", "bob");

    small.onRequest(BOB, new Leave(bobsSession), 10);
    small.onRequest(CAROL, join("carol").withCookie(cookie), 20);
    assertThat(small.names()).containsExactly("alice", "carol");
  }

  @Test
  void oneAddressHoldsAtMostItsPlacesAndGetsThemBackWhenMembersGo() {
    Room capped = room(10, 2); // ALICE, BOB and CAROL share 127.0.0.1
    InetSocketAddress dave = new InetSocketAddress("127.0.0.4", 40004);
    Admit.join(capped, outbox, ALICE, join("alice"), 0);
    Admit.join(capped, outbox, BOB, join("bob"), 0);
    String cookie = cookieFor(capped, CAROL, 0);
    capped.onRequest(CAROL, join("carol").withCookie(cookie), 0);
    ErrorReply refused = outbox.last(CAROL, ErrorReply.class);
    assertThat(refused.code()).isEqualTo(ErrorReply.ROOM_FULL);
    assertThat(refused.message())
        .isEqualTo("the room holds at most 2 members from one address, and 127.0.0.1 has them");
    Admit.join(capped, outbox, dave, join("dave"), 0); // another address has its own places
    assertThat(capped.names()).containsExactly("alice", "bob", "dave");

    // A place comes back whichever way a member goes: a leave, then an expiry.
    capped.onRequest(BOB, new Leave(outbox.last(BOB, Welcome.class).session()), 10);
    capped.onRequest(CAROL, join("carol").withCookie(cookie), 20);
    assertThat(capped.names()).containsExactly("alice", "carol", "dave");
    capped.onRequest(ALICE, new Ping(outbox.last(ALICE, Welcome.class).session(), 1), TIMEOUT_MS);
    capped.onRequest(CAROL, new Ping(outbox.last(CAROL, Welcome.class).session(), 1), TIMEOUT_MS);
    assertThat(capped.expire(TIMEOUT_MS + 1)).containsExactly("dave");
    assertThat(capped.expire(2 * TIMEOUT_MS + 1)).containsExactlyInAnyOrder("alice", "carol");
    Admit.join(capped, outbox, ALICE, join("alice"), 2 * TIMEOUT_MS + 2);
    Admit.join(capped, outbox, BOB, join("bob"), 2 * TIMEOUT_MS + 2);
    assertThat(capped.names()).containsExactly("alice", "bob");
  }

  @Test
  void onlyAnAuthenticatedDatagramRefreshesLastSeen() {
    Admit.join(room, outbox, ALICE, join("alice"), 0);
    String token = outbox.last(ALICE, Welcome.class).session();
    String forged = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
    outbox.clear();
    long late = TIMEOUT_MS; // the last moment alice is still in the room
    // Wrong token from her address; her token from another; a retransmitted join from hers.
    room.onRequest(ALICE, new Ping(forged, 1), late);
    room.onRequest(ALICE, new Leave(forged), late);
    room.onRequest(MALLORY, new Ping(token, 2), late);
    room.onRequest(MALLORY, new Leave(token), late);
    room.onRequest(ALICE, join("alice"), late);
    assertThat(room.names()).containsExactly("alice");
    assertThat(drops.count(Drops.FORGED_SESSION)).isEqualTo(2);
    assertThat(drops.count(Drops.NOT_JOINED)).isEqualTo(2);
    assertThat(outbox.to(ALICE)).singleElement().isInstanceOf(Welcome.class); // the join's
    assertThat(outbox.to(MALLORY)).singleElement().isInstanceOf(Retry.class);
    assertThat(room.expire(TIMEOUT_MS + 1)).containsExactly("alice"); // none of that counted

    // The same with her real ping at that moment: she stays.
    Admit.join(room, outbox, BOB, join("bob"), 0);
    String bobs = outbox.last(BOB, Welcome.class).session();
    room.onRequest(BOB, new Ping(bobs, 1), late);
    assertThat(outbox.last(BOB, Pong.class)).isEqualTo(new Pong(1));
    assertThat(room.expire(TIMEOUT_MS + 1)).isEmpty();
  }
}
