package udpchat.server.room;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import udpchat.net.Addresses;
import udpchat.server.journal.RoomEvent;
import udpchat.server.room.members.Member;
import udpchat.server.room.members.PresenceBoard;
import udpchat.text.Names;

/**
 * Makes the room's {@link RoomSnapshot} on its thread: what other threads may know of it (names,
 * addresses, presence, delivery's standing), never what was said.
 */
final class Snapshots extends RoomPart {

  private static final Comparator<Member> WHO_ORDER =
      Comparator.comparing((Member member) -> Names.key(member.name())).thenComparing(Member::name);

  Snapshots(RoomPart room) {
    super(room);
  }

  RoomSnapshot take() {
    PresenceBoard presence = roster.presence();
    int[] counts = presence.counts(roster.size());
    List<Member> sorted = new ArrayList<>(roster.members());
    sorted.sort(WHO_ORDER);
    List<RoomSnapshot.MemberView> views = new ArrayList<>();
    for (Member member : sorted.subList(0, Math.min(sorted.size(), RoomSnapshot.MAX_DETAILED))) {
      long roundTripNs = member.stream().smoothedRoundTripNs();
      views.add(
          new RoomSnapshot.MemberView(
              member.name(),
              Addresses.format(member.address()),
              presence.state(member),
              stampOf.applyAsLong(member.lastSeenMs()),
              roundTripNs < 0 ? -1 : roundTripNs / 1e6,
              member.stream().unacknowledged(),
              stampOf.applyAsLong(member.joinedMs())));
    }
    return new RoomSnapshot(
        roster.names(),
        events.durableHead(),
        admission.repliesSent(),
        admission.replyBytesSent(),
        views,
        new RoomSnapshot.PresenceCounts(counts[0], counts[1], counts[2]),
        lastEventAtMs());
  }

  /** The stamp of the last durable event still in memory, or -1 when there is none. */
  private long lastEventAtMs() {
    RoomEvent last = events.get(events.durableHead());
    Long at = last == null ? null : last.message().postedAt();
    return at == null ? -1 : at;
  }
}
