package udpchat.server.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import udpchat.protocol.Chat;
import udpchat.protocol.Drops;
import udpchat.protocol.Join;
import udpchat.protocol.Leave;
import udpchat.protocol.Nick;
import udpchat.protocol.Notice;
import udpchat.protocol.Ping;
import udpchat.protocol.Say;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;
import udpchat.server.ClientIds;
import udpchat.server.ServerConfig;
import udpchat.server.journal.RoomLog;
import udpchat.server.room.members.MembershipNotices;

/**
 * A burst of joins, leaves or expiries reaches every member as few numbered notices, in order, with
 * the room's real hold ({@link MembershipNotices#HOLD_MS}), decided at exact instants.
 */
public class RoomMembershipNoticesTest {

  static final long HOLD_MS = MembershipNotices.HOLD_MS;
  static final long TIMEOUT_MS = 15_000;

  final RecordingOutbox outbox = new RecordingOutbox();
  final Room room =
      new Room(
          outbox,
          new Codec(),
          new Drops(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)),
          new RoomLog(1000, null),
          Duration.ofMillis(TIMEOUT_MS),
          Duration.ofSeconds(5),
          20,
          1,
          ServerConfig.DEFAULT_MAX_MEMBERS,
          ServerConfig.DEFAULT_MAX_PER_ADDRESS,
          MembershipNotices.HOLD_MS,
          java.util.function.LongUnaryOperator.identity());

  static InetSocketAddress address(int i) {
    return new InetSocketAddress("127.0.0.1", 41000 + i);
  }

  String join(int i, long nowMs) {
    Admit.join(room, outbox, address(i), new Join("m" + i, ClientIds.of("m" + i), 1, null), nowMs);
    return outbox.last(address(i), Welcome.class).session();
  }

  /** The numbered notices {@code i} was sent, in order. */
  List<Notice> notices(int i) {
    List<Notice> notices = new ArrayList<>();
    for (ServerMessage message : outbox.to(address(i))) {
      if (message instanceof Notice notice && notice.numbered()) {
        notices.add(notice);
      }
    }
    return notices;
  }

  @Test
  void aBurstOfJoinsIsOneNoticeAfterTheFirstToldAlone() {
    join(0, 1000);
    for (int i = 1; i <= 20; i++) {
      join(i, 1000 + i);
    }
    room.announceDue(1000 + HOLD_MS - 1);
    assertThat(notices(0)).extracting(Notice::members).containsExactly(List.of("m0"));
    room.announceDue(1000 + HOLD_MS);
    List<String> others = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      others.add("m" + i);
    }
    // Everyone in the room hears of the burst once, in the order of the joins, with the count
    // after the last; the newcomers of the burst included (their streams began before it).
    assertThat(notices(0))
        .containsExactly(
            new Notice(Notice.Kind.JOINED.wire(), "m0", null, 1, 1L, 0L, 1000L, null, null),
            new Notice(
                Notice.Kind.JOINED.wire(), null, null, 21, 2L, 1L, 1020L, null, null, others));
    assertThat(notices(20)).extracting(Notice::members).containsExactly(others);
    assertThat(room.head()).isEqualTo(2);
  }

  @Test
  void aLoneJoinInAQuietRoomIsToldAtOnce() {
    join(0, 1000);
    join(1, 1000 + HOLD_MS);
    assertThat(notices(0))
        .extracting(Notice::members)
        .containsExactly(List.of("m0"), List.of("m1"));
  }

  @Test
  void heldJoinsAreToldBeforeAMessageThatFollowsThem() {
    String m0 = join(0, 1000);
    join(1, 1010);
    room.onRequest(address(0), new Say(m0, 1, "welcome, m1", false), 1020);
    List<ServerMessage> toM0 =
        outbox.to(address(0)).stream()
            .filter(m -> m instanceof Chat || (m instanceof Notice n && n.numbered()))
            .toList();
    assertThat(toM0).hasSize(3);
    assertThat(((Notice) toM0.get(1)).members()).containsExactly("m1");
    assertThat(((Chat) toM0.get(2)).seq()).isEqualTo(3);
  }

  @Test
  void aJoinAndALeaveInOneHoldAreTwoNoticesInTheirOrder() {
    join(0, 1000);
    String m1 = join(1, 1010);
    join(2, 1020);
    room.onRequest(address(1), new Leave(m1), 1030);
    room.announceDue(1030 + HOLD_MS);
    assertThat(notices(0))
        .extracting(Notice::event, Notice::members, Notice::online)
        .containsExactly(
            tuple(Notice.Kind.JOINED.wire(), List.of("m0"), 1),
            tuple(Notice.Kind.JOINED.wire(), List.of("m1", "m2"), 3),
            tuple(Notice.Kind.LEFT.wire(), List.of("m1"), 2));
  }

  @Test
  void aHeldJoinIsToldUnderTheOldNameBeforeARename() {
    join(0, 1000);
    String m1 = join(1, 1010);
    room.onRequest(address(1), new Nick(m1, 1, "mona"), 1020);
    assertThat(notices(0))
        .extracting(Notice::event, Notice::members)
        .containsExactly(
            tuple(Notice.Kind.JOINED.wire(), List.of("m0")),
            tuple(Notice.Kind.JOINED.wire(), List.of("m1")),
            tuple(Notice.Kind.RENAMED.wire(), List.of("m1")));
  }

  @Test
  void aShutdownTellsWhatWaitedFirst() {
    join(0, 1000);
    join(1, 1010);
    room.shutdown();
    assertThat(notices(0))
        .extracting(Notice::members)
        .containsExactly(List.of("m0"), List.of("m1"));
    assertThat(outbox.last(address(0), Notice.class).event())
        .isEqualTo(Notice.Kind.SHUTDOWN.wire());
  }

  @Test
  void theExpiriesOfOneSweepAreOneNotice() {
    join(0, 0);
    for (int i = 1; i <= 5; i++) {
      join(i, 0);
    }
    room.announceDue(HOLD_MS);
    String m0 = outbox.last(address(0), Welcome.class).session();
    room.onRequest(address(0), new Ping(m0, 1), TIMEOUT_MS);
    assertThat(room.expire(TIMEOUT_MS + 1)).containsExactly("m1", "m2", "m3", "m4", "m5");
    Notice expired = notices(0).get(notices(0).size() - 1);
    assertThat(expired.event()).isEqualTo(Notice.Kind.EXPIRED.wire());
    assertThat(expired.members()).containsExactly("m1", "m2", "m3", "m4", "m5");
    assertThat(expired.online()).isEqualTo(1);
  }
}
