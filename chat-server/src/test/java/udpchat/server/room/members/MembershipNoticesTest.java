package udpchat.server.room.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import udpchat.protocol.Notice;
import udpchat.protocol.json.Codec;
import udpchat.server.journal.RoomEvent;
import udpchat.server.room.members.MembershipNotices.Announcement;

/** When membership changes are told, and together with which: exact instants, no clock. */
public class MembershipNoticesTest {

  static final long HOLD_MS = MembershipNotices.HOLD_MS;

  final MembershipNotices notices = new MembershipNotices(HOLD_MS, new Codec()::textBytes);

  @Test
  void aChangeInAQuietRoomIsToldAtOnceAlone() {
    assertThat(notices.add(Notice.Kind.JOINED, "alice", 1, 1000)).isEmpty();
    assertThat(notices.due(1000))
        .contains(new Announcement(Notice.Kind.JOINED, List.of("alice"), 1, 1000));
    assertThat(notices.holding()).isFalse();
  }

  @Test
  void changesWithinTheHoldWaitUntilItEndsAndGoTogetherInOrder() {
    notices.add(Notice.Kind.JOINED, "alice", 1, 1000);
    notices.due(1000); // told at once
    notices.add(Notice.Kind.JOINED, "bob", 2, 1010);
    assertThat(notices.due(1010)).isEmpty();
    notices.add(Notice.Kind.JOINED, "carol", 3, 1200);
    assertThat(notices.due(1000 + HOLD_MS - 1)).isEmpty();
    assertThat(notices.due(1000 + HOLD_MS))
        .contains(new Announcement(Notice.Kind.JOINED, List.of("bob", "carol"), 3, 1200));
    // The hold starts again from that notice.
    notices.add(Notice.Kind.JOINED, "dave", 4, 1000 + HOLD_MS + 1);
    assertThat(notices.due(1000 + 2 * HOLD_MS - 1)).isEmpty();
    assertThat(notices.due(1000 + 2 * HOLD_MS))
        .contains(new Announcement(Notice.Kind.JOINED, List.of("dave"), 4, 1000 + HOLD_MS + 1));
  }

  @Test
  void aChangeExactlyAHoldAfterTheLastNoticeIsToldAtOnce() {
    notices.add(Notice.Kind.LEFT, "alice", 5, 1000);
    notices.due(1000);
    notices.add(Notice.Kind.LEFT, "bob", 4, 1000 + HOLD_MS);
    assertThat(notices.due(1000 + HOLD_MS))
        .contains(new Announcement(Notice.Kind.LEFT, List.of("bob"), 4, 1000 + HOLD_MS));
  }

  @Test
  void aChangeOfAnotherKindSendsWhatWaitedFirstAndWaitsItself() {
    notices.add(Notice.Kind.JOINED, "alice", 1, 1000);
    notices.due(1000);
    notices.add(Notice.Kind.JOINED, "bob", 2, 1010);
    assertThat(notices.add(Notice.Kind.LEFT, "alice", 1, 1020))
        .containsExactly(new Announcement(Notice.Kind.JOINED, List.of("bob"), 2, 1010));
    // The joins just went out: the leave waits a whole hold from then.
    assertThat(notices.due(1020 + HOLD_MS - 1)).isEmpty();
    assertThat(notices.due(1020 + HOLD_MS))
        .contains(new Announcement(Notice.Kind.LEFT, List.of("alice"), 1, 1020));
  }

  @Test
  void aFullListGoesAtOnceAndTheNextChangeStartsAnother() {
    notices.add(Notice.Kind.JOINED, "first", 1, 0);
    notices.due(0);
    // Names of 32 letters cost 35 bytes each with their quotes and comma.
    int fit = MembershipNotices.MAX_NAMES_BYTES / 35;
    List<Announcement> early = new ArrayList<>();
    for (int i = 0; i < fit; i++) {
      early.addAll(notices.add(Notice.Kind.JOINED, name(i), 2 + i, 10));
    }
    assertThat(early).isEmpty();
    List<Announcement> full = notices.add(Notice.Kind.JOINED, name(fit), 2 + fit, 20);
    assertThat(full).hasSize(1);
    assertThat(full.get(0).names()).hasSize(fit).startsWith(name(0)).endsWith(name(fit - 1));
    assertThat(full.get(0).online()).isEqualTo(1 + fit);
    assertThat(notices.due(20 + HOLD_MS))
        .contains(new Announcement(Notice.Kind.JOINED, List.of(name(fit)), 2 + fit, 20));
  }

  @Test
  void aFullListFitsADatagramAsANumberedNoticeInAStreamOrRecalled() {
    Codec codec = new Codec();
    int fit = MembershipNotices.MAX_NAMES_BYTES / 35;
    List<String> names = new ArrayList<>();
    for (int i = 0; i < fit; i++) {
      names.add(name(i));
    }
    Notice kept =
        Notice.posted(Long.MAX_VALUE, Long.MAX_VALUE, Notice.Kind.EXPIRED, names, 100_000);
    RoomEvent event = new RoomEvent(Long.MAX_VALUE, kept, RoomEvent.Audience.EVERYONE, null, 0);
    // encode throws when a datagram would exceed the limit
    assertThat(codec.encode(event.inStream(Long.MAX_VALUE - 1))).isNotEmpty();
    assertThat(codec.encode(event.recalled(Long.MAX_VALUE, Integer.MAX_VALUE))).isNotEmpty();
  }

  @Test
  void flushTellsWhatWaitsAtOnceAndNothingWhenNothingWaits() {
    assertThat(notices.flush(0)).isEmpty();
    notices.add(Notice.Kind.EXPIRED, "alice", 1, 0);
    notices.due(0);
    notices.add(Notice.Kind.EXPIRED, "bob", 0, 5);
    assertThat(notices.flush(6))
        .contains(new Announcement(Notice.Kind.EXPIRED, List.of("bob"), 0, 5));
    assertThat(notices.holding()).isFalse();
  }

  /** A name of 32 letters, different for each {@code i}. */
  static String name(int i) {
    String digits = Integer.toString(i);
    return "n".repeat(32 - digits.length()) + digits;
  }
}
