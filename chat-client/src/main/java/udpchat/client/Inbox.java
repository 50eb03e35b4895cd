package udpchat.client;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import udpchat.client.session.Session;
import udpchat.protocol.ServerMessage;

/**
 * The client's end of its stream of room events: puts them back in the room's order, drops what it
 * has already shown, and decides when to acknowledge.
 *
 * <p>Each event names its predecessor in this member's stream ({@code prev}). One whose predecessor
 * was shown is shown at once, with any held events that follow it; one that comes early is held (up
 * to {@link #MAX_HELD}); one at or below what was shown is a duplicate. Acknowledgements are
 * cumulative: {@link #ACK_DELAY_MS} after new events were shown, so a burst costs one ack, and at
 * once when an event comes early, which tells the server what is missing; repeated every {@link
 * #GAP_ACK_INTERVAL_MS} while the gap stays open; and at once when a filled gap shows the next.
 *
 * <p>Time is an argument; the {@link Session} holds the lock.
 */
public final class Inbox {

  public static final long ACK_DELAY_MS = 50;
  public static final long GAP_ACK_INTERVAL_MS = 200;

  /** Events held while an earlier one is missing; beyond this they are dropped and sent again. */
  static final int MAX_HELD = 4096;

  private static final long NEVER = Long.MAX_VALUE;

  /** An event of the stream: its number, its predecessor's, and what it says. */
  public record Arrival(long seq, long prev, ServerMessage message) {}

  private long shown;
  private final TreeMap<Long, Arrival> heldByPrev = new TreeMap<>();
  private long ackDueMs = NEVER;
  private long lastAckMs = Long.MIN_VALUE / 2;
  private long gapSinceMs;
  private long duplicates;
  private long early;

  /** The stream starts after {@code start} (from the welcome): nothing held is of use any more. */
  public void reset(long start) {
    shown = start;
    heldByPrev.clear();
    ackDueMs = NEVER;
  }

  /** The last event shown in order: what the client acknowledges. */
  public long shown() {
    return shown;
  }

  /** The events that can be shown now, in order, because {@code arrival} came. */
  public List<Arrival> offer(Arrival arrival, long nowMs) {
    if (arrival.seq() <= shown) {
      duplicates++;
      // Sent again because our ack was lost, most likely: say again what we have.
      ackDueMs = Math.min(ackDueMs, nowMs + ACK_DELAY_MS);
      return List.of();
    }
    if (arrival.prev() > shown) {
      early++;
      if (heldByPrev.isEmpty()) {
        gapSinceMs = nowMs;
      }
      if (heldByPrev.size() < MAX_HELD || heldByPrev.containsKey(arrival.prev())) {
        heldByPrev.put(arrival.prev(), arrival);
      }
      // Not at once: a reordered event usually follows within milliseconds, and then no ack is
      // needed for it. What is still missing at the ack is asked for by name (missingTo).
      ackDueMs = Math.min(ackDueMs, nowMs + ACK_DELAY_MS);
      return List.of();
    }
    if (arrival.prev() < shown) {
      // It skips an event we showed: the server's view of our stream is not ours. Cannot happen
      // with one server process; dropped, and the ack tells the server where we are.
      ackDueMs = Math.min(ackDueMs, nowMs + ACK_DELAY_MS);
      return List.of();
    }
    boolean wasHolding = !heldByPrev.isEmpty();
    List<Arrival> ready = new ArrayList<>();
    for (Arrival next = arrival; next != null; next = heldByPrev.remove(shown)) {
      ready.add(next);
      shown = next.seq();
    }
    heldByPrev.headMap(shown).clear(); // copies of events shown meanwhile
    if (wasHolding && !heldByPrev.isEmpty()) {
      // A gap was filled and the next one shows: what lies beyond it came a while ago, so it is
      // missing, not reordered. Asked for at once, so each gap costs a round trip, not an ack
      // delay: at 5% loss and hundreds of events a second the delay made members fall behind.
      gapSinceMs = nowMs;
      ackDueMs = nowMs;
    } else {
      ackDueMs = Math.min(ackDueMs, nowMs + ACK_DELAY_MS);
    }
    return ready;
  }

  /**
   * Whether an ack is due at {@code nowMs}; if so, {@link #shown} and {@link #missingTo} say it.
   */
  public boolean ackDue(long nowMs) {
    boolean gapOpen =
        !heldByPrev.isEmpty() && nowMs - Math.max(lastAckMs, gapSinceMs) >= GAP_ACK_INTERVAL_MS;
    if (nowMs < ackDueMs && !gapOpen) {
      return false;
    }
    ackDueMs = NEVER;
    lastAckMs = nowMs;
    return true;
  }

  /**
   * The last event missing before the first one held (its predecessor), or {@code null} when
   * nothing is held: the server sends again what lies between {@link #shown} and it.
   */
  public Long missingTo() {
    return heldByPrev.isEmpty() ? null : heldByPrev.firstKey();
  }

  /** How many events arrived that had been shown already. */
  public long duplicates() {
    return duplicates;
  }

  /** How many events arrived before one they follow (reordered, or after a loss). */
  long early() {
    return early;
  }
}
