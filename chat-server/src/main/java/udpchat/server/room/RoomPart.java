package udpchat.server.room;

import java.time.Duration;
import java.util.function.LongUnaryOperator;
import udpchat.protocol.Drops;
import udpchat.protocol.json.Codec;
import udpchat.server.delivery.Delivery;
import udpchat.server.door.Admission;
import udpchat.server.journal.JournalFailures;
import udpchat.server.journal.RoomLog;
import udpchat.server.net.Outbox;
import udpchat.server.room.members.MembershipNotices;
import udpchat.server.room.members.PresenceBoard;
import udpchat.server.room.members.Roster;

/**
 * A part of the room that acts on requests ({@link Joining}, {@link Posting}, {@link
 * MemberRequests}, {@link RequestDispatch}): each extends this, so the one room's state and
 * outputs, made once by the {@link Room} that owns them, are named once, here, and not copied field
 * by field into every handler.
 */
abstract class RoomPart {

  final CycleOutbox outbox;
  final Codec codec;
  final Drops drops;
  final RoomLog events;
  final Delivery delivery;
  final Admission admission;
  final Roster roster;
  final Announcer announcer;
  final LongUnaryOperator stampOf;
  final JournalFailures journalFailures;
  final RoomCounters counters;

  /** A part of the same room as {@code room}. */
  RoomPart(RoomPart room) {
    this(
        room.outbox,
        room.codec,
        room.drops,
        room.events,
        room.delivery,
        room.admission,
        room.roster,
        room.announcer,
        room.stampOf,
        room.journalFailures,
        room.counters);
  }

  private RoomPart(
      CycleOutbox outbox,
      Codec codec,
      Drops drops,
      RoomLog events,
      Delivery delivery,
      Admission admission,
      Roster roster,
      Announcer announcer,
      LongUnaryOperator stampOf,
      JournalFailures journalFailures,
      RoomCounters counters) {
    this.outbox = outbox;
    this.codec = codec;
    this.drops = drops;
    this.events = events;
    this.delivery = delivery;
    this.admission = admission;
    this.roster = roster;
    this.announcer = announcer;
    this.stampOf = stampOf;
    this.journalFailures = journalFailures;
    this.counters = counters;
  }

  /** The parts of a new room; see the {@link Room} constructor for what each argument means. */
  static RoomPart of(
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
    RoomCounters counters = new RoomCounters(delivery.counts());
    Announcer announcer =
        new Announcer(
            new MembershipNotices(noticeHoldMs, codec::textBytes),
            outbox,
            events,
            delivery,
            roster,
            stampOf,
            journalFailures,
            counters);
    return new RoomPart(
        outbox,
        codec,
        drops,
        events,
        delivery,
        admission,
        roster,
        announcer,
        stampOf,
        journalFailures,
        counters) {};
  }
}
