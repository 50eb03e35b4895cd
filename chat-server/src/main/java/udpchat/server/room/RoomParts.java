package udpchat.server.room;

import java.time.Duration;
import java.util.function.LongUnaryOperator;
import udpchat.protocol.Codec;
import udpchat.protocol.Drops;
import udpchat.server.delivery.Delivery;
import udpchat.server.door.Admission;
import udpchat.server.journal.JournalFailures;
import udpchat.server.journal.RoomLog;
import udpchat.server.net.Outbox;
import udpchat.server.room.members.MembershipNotices;
import udpchat.server.room.members.PresenceBoard;
import udpchat.server.room.members.Roster;

/**
 * What the room's request handlers ({@link Joining}, {@link Posting}, {@link MemberRequests})
 * share: the one room's state and outputs, made once by the {@link Room} that owns them.
 */
record RoomParts(
    CycleOutbox outbox,
    Codec codec,
    Drops drops,
    RoomLog events,
    Delivery delivery,
    Admission admission,
    Roster roster,
    Announcer announcer,
    LongUnaryOperator stampOf,
    JournalFailures journalFailures) {

  /** The parts of a new room; see the {@link Room} constructor for what each argument means. */
  static RoomParts of(
      Outbox out,
      Codec codec,
      Drops drops,
      RoomLog events,
      Duration timeout,
      int maxMembers,
      int maxPerAddress,
      long noticeHoldMs,
      LongUnaryOperator stampOf) {
    CycleOutbox outbox = new CycleOutbox(out);
    Admission admission = new Admission(outbox, codec, drops, maxMembers, maxPerAddress);
    Delivery delivery = new Delivery(outbox, events);
    Roster roster =
        new Roster(new PresenceBoard(timeout.toMillis() / 2), admission, delivery, outbox);
    JournalFailures journalFailures = new JournalFailures();
    Announcer announcer =
        new Announcer(
            new MembershipNotices(noticeHoldMs, codec::textBytes),
            outbox,
            events,
            delivery,
            roster,
            stampOf,
            journalFailures);
    return new RoomParts(
        outbox,
        codec,
        drops,
        events,
        delivery,
        admission,
        roster,
        announcer,
        stampOf,
        journalFailures);
  }
}
