package udpchat.stream;

import java.util.ArrayDeque;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A member's end of its stream of room events: puts them back in the room's order, tells a copy
 * from a new event, and decides when to acknowledge and what is missing.
 *
 * <p>Each event names its predecessor in this member's stream ({@code prev}). One whose predecessor
 * was shown is shown at once, with any held events that follow it; one that comes early is held (up
 * to {@link #MAX_HELD}); one at or below what was shown is a duplicate. Acknowledgements are
 * cumulative: {@link #ACK_DELAY_MS} after new events were shown, so a burst costs one ack, and
 * after the same delay when an event comes early, which tells the server what is missing; repeated
 * every {@link #GAP_ACK_INTERVAL_MS} while the gap stays open; and at once when a filled gap shows
 * the next.
 *
 * <p>An event in order costs no allocation: the load generator takes hundreds of thousands a second
 * on the cores of the server it measures. Only an event that must wait is kept, through the {@code
 * keep} given at construction, so a caller may offer one reused object for every event.
 *
 * <p>Time is an argument; one thread owns an instance.
 *
 * @param <E> what the caller shows of an event (a decoded message; the bench's stamp)
 */
public final class Arrivals<E> {

  public static final long ACK_DELAY_MS = 50;
  public static final long GAP_ACK_INTERVAL_MS = 200;

  /** Events held while an earlier one is missing; beyond this they are dropped and sent again. */
  public static final int MAX_HELD = 4096;

  /** The instant of an ack that is not due. */
  public static final long NEVER = Long.MAX_VALUE;

  /** Where an offered event stands. */
  public enum Verdict {
    /** It follows the last one shown: shown now, and so may held ones be ({@link #nextReady}). */
    NEXT,
    /** It came before one it follows (reordered, or after a loss): held until the gap fills. */
    EARLY,
    /** A copy of an event held already. */
    EARLY_COPY,
    /** At or below the last one shown: a copy, most likely sent again because an ack was lost. */
    DUPLICATE,
    /** It skips an event shown: the server's view of the stream is not ours; dropped. */
    ASTRAY
  }

  private record Held<E>(long seq, E event) {}

  private final UnaryOperator<E> keep;
  private final TreeMap<Long, Held<E>> heldByPrev = new TreeMap<>();
  private final ArrayDeque<E> ready = new ArrayDeque<>();
  private long shown;
  private long ackDueMs = NEVER;
  private long lastAckMs = Long.MIN_VALUE / 2;
  private long gapSinceMs;
  private long duplicates;
  private long early;

  /** For events that do not change once offered (records): a held one is kept as it is. */
  public Arrivals() {
    this(UnaryOperator.identity());
  }

  /**
   * @param keep a copy of an event to hold, for a caller that reuses the object it offers
   */
  public Arrivals(UnaryOperator<E> keep) {
    this.keep = keep;
  }

  /** The stream starts after {@code start} (from the welcome): nothing held is of use any more. */
  public void reset(long start) {
    shown = start;
    heldByPrev.clear();
    ready.clear();
    ackDueMs = NEVER;
  }

  /** The last event shown in order: what the member acknowledges. */
  public long shown() {
    return shown;
  }

  /**
   * Takes event {@code seq}, which follows {@code prev}. On {@link Verdict#NEXT} the caller shows
   * {@code event}, then the held events that follow it, from {@link #nextReady} until it says null.
   */
  public Verdict offer(long seq, long prev, E event, long nowMs) {
    ready.clear(); // what the last offer let through and the caller did not take
    if (seq <= shown) {
      duplicates++;
      // Sent again because our ack was lost, most likely: say again what we have.
      ackAfterDelay(nowMs);
      return Verdict.DUPLICATE;
    }
    if (prev > shown) {
      return hold(seq, prev, event, nowMs);
    }
    if (prev < shown) {
      // Cannot happen with one server process; dropped, and the ack tells the server where we are.
      ackAfterDelay(nowMs);
      return Verdict.ASTRAY;
    }
    boolean wasHolding = !heldByPrev.isEmpty();
    shown = seq;
    if (wasHolding) {
      for (Held<E> next = heldByPrev.remove(shown); next != null; next = heldByPrev.remove(shown)) {
        ready.add(next.event());
        shown = next.seq();
      }
      heldByPrev.headMap(shown).clear(); // copies of events shown meanwhile
    }
    if (wasHolding && !heldByPrev.isEmpty()) {
      // A gap was filled and the next one shows: what lies beyond it came a while ago, so it is
      // missing, not reordered. Asked for at once, so each gap costs a round trip, not an ack
      // delay: at 5% loss and hundreds of events a second the delay made members fall behind.
      gapSinceMs = nowMs;
      ackDueMs = nowMs;
    } else {
      ackAfterDelay(nowMs);
    }
    return Verdict.NEXT;
  }

  private Verdict hold(long seq, long prev, E event, long nowMs) {
    early++;
    if (heldByPrev.isEmpty()) {
      gapSinceMs = nowMs;
    }
    // Not acked at once: a reordered event usually follows within milliseconds, and then no ack
    // is needed for it. What is still missing at the ack is asked for by name (missingTo).
    ackAfterDelay(nowMs);
    Held<E> before = heldByPrev.get(prev);
    if (before != null && before.seq() == seq) {
      return Verdict.EARLY_COPY;
    }
    if (heldByPrev.size() < MAX_HELD || before != null) {
      heldByPrev.put(prev, new Held<>(seq, keep.apply(event)));
    }
    return Verdict.EARLY;
  }

  private void ackAfterDelay(long nowMs) {
    ackDueMs = Math.min(ackDueMs, nowMs + ACK_DELAY_MS);
  }

  /**
   * The next held event the last {@link Verdict#NEXT} let through, in order; null after the last.
   */
  public E nextReady() {
    return ready.poll();
  }

  /** When {@link #ackDue} says yes next, if nothing arrives before; {@link #NEVER} for never. */
  public long ackDueAtMs() {
    if (heldByPrev.isEmpty()) {
      return ackDueMs;
    }
    return Math.min(ackDueMs, Math.max(lastAckMs, gapSinceMs) + GAP_ACK_INTERVAL_MS);
  }

  /**
   * Whether an ack is due at {@code nowMs}; if so, {@link #shown} and {@link #missingTo} say it,
   * and the ack counts as sent.
   */
  public boolean ackDue(long nowMs) {
    if (nowMs < ackDueAtMs()) {
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
  public long early() {
    return early;
  }
}
