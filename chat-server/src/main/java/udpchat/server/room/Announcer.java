package udpchat.server.room;

import java.util.List;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.protocol.Notice;
import udpchat.server.delivery.Delivery;
import udpchat.server.journal.JournalFailures;
import udpchat.server.journal.RoomEvent;
import udpchat.server.journal.RoomLog;
import udpchat.server.room.members.Member;
import udpchat.server.room.members.MembershipNotices;
import udpchat.server.room.members.Roster;

/**
 * Turns the joins, leaves and expiries that {@link MembershipNotices} gathered into numbered
 * notices of the room, published to every member once they are durable.
 */
final class Announcer {

  private static final Logger log = LoggerFactory.getLogger(Room.class);

  private final MembershipNotices membership;
  private final CycleOutbox outbox;
  private final RoomLog events;
  private final Delivery delivery;
  private final Roster roster;
  private final LongUnaryOperator stampOf;
  private final JournalFailures journalFailures;
  private final RoomCounters counters;

  Announcer(
      MembershipNotices membership,
      CycleOutbox outbox,
      RoomLog events,
      Delivery delivery,
      Roster roster,
      LongUnaryOperator stampOf,
      JournalFailures journalFailures,
      RoomCounters counters) {
    this.membership = membership;
    this.outbox = outbox;
    this.events = events;
    this.delivery = delivery;
    this.roster = roster;
    this.stampOf = stampOf;
    this.journalFailures = journalFailures;
    this.counters = counters;
  }

  /**
   * {@code expired} were removed from the room, in the order they went silent: each is a change
   * told to the room, and told to the expired member itself outside the room's order (it is no
   * longer in it): if it is still there, its client rejoins at once and catches up.
   */
  void expired(List<Member> expired, long nowMs) {
    for (int i = 0; i < expired.size(); i++) {
      Member member = expired.get(i);
      log.info(
          "{} expired: silent for {} ms ({} online)",
          member.name(),
          nowMs - member.lastSeenMs(),
          roster.size());
      // The members left after this one was removed: those expired after it were still there.
      int online = roster.size() + expired.size() - 1 - i;
      changed(Notice.Kind.EXPIRED, member.name(), online, nowMs);
      outbox.send(
          Notice.unnumbered(Notice.Kind.EXPIRED, member.name(), roster.size()), member.address());
    }
  }

  /** Announces the changes that waited for company, when their wait is over at {@code nowMs}. */
  void due(long nowMs) {
    membership.due(nowMs).ifPresent(announcement -> announce(announcement, nowMs));
  }

  /**
   * {@code name} joined, left or expired, leaving {@code online} members: it is told with the next
   * membership notice ({@link #due}), and what waited is told now if it cannot join it.
   */
  void changed(Notice.Kind kind, String name, int online, long nowMs) {
    counters.changed(kind);
    membership
        .add(kind, name, online, nowMs)
        .forEach(announcement -> announce(announcement, nowMs));
  }

  /** Tells what membership changes wait, before an event that must come after them. */
  void flushHeld(long nowMs) {
    membership.flush(nowMs).ifPresent(announcement -> announce(announcement, nowMs));
  }

  /** Numbers a notice about the members of {@code announcement} and sends it to every member. */
  private void announce(MembershipNotices.Announcement announcement, long nowMs) {
    RoomEvent posted =
        events.stage(
            seq ->
                Notice.posted(
                    seq,
                    stampOf.applyAsLong(announcement.atMs()), // when the last of them happened
                    announcement.kind(),
                    announcement.names(),
                    announcement.online()),
            RoomEvent.Audience.EVERYONE,
            null,
            0);
    outbox.whenStored(
        () -> delivery.publish(posted, roster.streams(), nowMs),
        CycleOutbox.NOTHING_TO_UNDO,
        // A notice not durable is not told: the members see the change in the next one's count.
        journalFailures::failed);
  }
}
