package udpchat.server.room;

import java.util.concurrent.atomic.LongAdder;
import udpchat.protocol.Notice;
import udpchat.server.delivery.DeliveryCounts;

/**
 * What the room has done, counted on its thread as it happens and read from any (the operator's
 * metrics and status page): adders, so the room pays an add and no lock.
 */
public final class RoomCounters {

  private final LongAdder joins = new LongAdder();
  private final LongAdder leaves = new LongAdder();
  private final LongAdder expiries = new LongAdder();
  private final LongAdder accepted = new LongAdder();
  private final DeliveryCounts delivery;

  RoomCounters(DeliveryCounts delivery) {
    this.delivery = delivery;
  }

  /** A join, leave or expiry, as it is told to the room. */
  void changed(Notice.Kind kind) {
    switch (kind) {
      case JOINED -> joins.increment();
      case LEFT -> leaves.increment();
      case EXPIRED -> expiries.increment();
      default -> {
        // not a membership change
      }
    }
  }

  /** A message or private message was posted (durable, acknowledged to its sender). */
  void accepted() {
    accepted.increment();
  }

  public long joins() {
    return joins.sum();
  }

  public long leaves() {
    return leaves.sum();
  }

  public long expiries() {
    return expiries.sum();
  }

  /** Messages and private messages posted. */
  public long messagesAccepted() {
    return accepted.sum();
  }

  /** Retransmissions and round trips. */
  public DeliveryCounts delivery() {
    return delivery;
  }
}
