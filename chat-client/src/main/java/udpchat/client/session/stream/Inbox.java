package udpchat.client.session.stream;

import java.util.ArrayList;
import java.util.List;
import udpchat.protocol.ServerMessage;
import udpchat.stream.Arrivals;

/**
 * The client's end of its stream of room events: the {@link Arrivals} of common (order, duplicates,
 * when to ack, what is missing), which the load generator uses too, with the events as decoded
 * messages and those that can be shown handed back as a list.
 *
 * <p>Time is an argument; the {@code Session} holds the lock.
 */
public final class Inbox {

  public static final long ACK_DELAY_MS = Arrivals.ACK_DELAY_MS;
  public static final long GAP_ACK_INTERVAL_MS = Arrivals.GAP_ACK_INTERVAL_MS;

  /** An event of the stream: its number, its predecessor's, and what it says. */
  public record Arrival(long seq, long prev, ServerMessage message) {}

  private final Arrivals<Arrival> arrivals = new Arrivals<>();

  /** The stream starts after {@code start} (from the welcome): nothing held is of use any more. */
  public void reset(long start) {
    arrivals.reset(start);
  }

  /** The last event shown in order: what the client acknowledges. */
  public long shown() {
    return arrivals.shown();
  }

  /** The events that can be shown now, in order, because {@code arrival} came. */
  public List<Arrival> offer(Arrival arrival, long nowMs) {
    if (arrivals.offer(arrival.seq(), arrival.prev(), arrival, nowMs) != Arrivals.Verdict.NEXT) {
      return List.of();
    }
    List<Arrival> ready = new ArrayList<>();
    ready.add(arrival);
    for (Arrival next = arrivals.nextReady(); next != null; next = arrivals.nextReady()) {
      ready.add(next);
    }
    return ready;
  }

  /**
   * Whether an ack is due at {@code nowMs}; if so, {@link #shown} and {@link #missingTo} say it.
   */
  public boolean ackDue(long nowMs) {
    return arrivals.ackDue(nowMs);
  }

  /**
   * The last event missing before the first one held (its predecessor), or {@code null} when
   * nothing is held: the server sends again what lies between {@link #shown} and it.
   */
  public Long missingTo() {
    return arrivals.missingTo();
  }

  /** How many events arrived that had been shown already. */
  public long duplicates() {
    return arrivals.duplicates();
  }

  /** How many events arrived before one they follow (reordered, or after a loss). */
  public long early() {
    return arrivals.early();
  }
}
