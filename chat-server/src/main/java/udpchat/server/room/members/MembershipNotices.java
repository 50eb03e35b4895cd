package udpchat.server.room.members;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;
import udpchat.protocol.Limits;
import udpchat.protocol.Notice;

/**
 * Decides when the room announces joins, leaves and expiries, so that a burst of them costs each
 * member a few events instead of one per change: N members joining at once would otherwise be N
 * numbered notices in each of N streams, N²/2 deliveries and as many acknowledgements.
 *
 * <p>A change in a quiet room is announced at once, alone. A change within {@link #HOLD_MS} of the
 * last announcement waits, and joins every other change of the same kind until the hold is over (or
 * the list fills a datagram, or a change of another kind comes): then they go as one notice naming
 * them all in order. So every member still learns of every change, in the order they happened, at
 * most {@link #HOLD_MS} late. The {@code Room} asks for what is {@link #due} on its timer and
 * {@link #flush}es what waits before it numbers any other event, so that a notice never comes after
 * what its members said.
 *
 * <p>Time is an argument; the {@code Room} holds the lock.
 */
public final class MembershipNotices {

  /**
   * How long after one membership notice the next waits for company. The room's timer ticks every
   * 10 ms, so a held change is told within {@code HOLD_MS + 10}; a person sees no delay, and a
   * storm of joins is at most four notices a second (plus one per full datagram).
   */
  public static final long HOLD_MS = 250;

  /**
   * What the names of one notice may take, with quotes and commas: a datagram less the rest of the
   * largest notice ({@code {"v":2,"type":"notice","event":"expired","online":…,"seq":…,"prev":…,
   * "at":…,"names":[]}} with numbers of 20 digits is under 200 bytes).
   */
  public static final int MAX_NAMES_BYTES = Limits.MAX_DATAGRAM_BYTES - 200;

  /**
   * One notice to number: {@code kind} about {@code names}, {@code online} after the last, which
   * happened at {@code atMs}.
   */
  public record Announcement(Notice.Kind kind, List<String> names, int online, long atMs) {}

  private final long holdMs;
  private final ToIntFunction<String> nameBytes;
  private long lastAnnouncedMs = Long.MIN_VALUE / 2; // far past, without overflow
  private Notice.Kind heldKind;
  private List<String> heldNames = new ArrayList<>();
  private int heldBytes;
  private int heldOnline;
  private long heldAtMs;

  /**
   * @param nameBytes a name's size as encoded (without quotes)
   */
  public MembershipNotices(long holdMs, ToIntFunction<String> nameBytes) {
    this.holdMs = holdMs;
    this.nameBytes = nameBytes;
  }

  /**
   * {@code name} had a change of {@code kind} at {@code nowMs}, leaving {@code online} members;
   * what must be announced now: the waiting notice when this change cannot join it (another kind,
   * or full). The change itself waits: ask {@link #due} next.
   */
  public List<Announcement> add(Notice.Kind kind, String name, int online, long nowMs) {
    int cost = nameBytes.applyAsInt(name) + 3; // quotes and a comma
    List<Announcement> now = new ArrayList<>(1);
    if (heldKind != null && (heldKind != kind || heldBytes + cost > MAX_NAMES_BYTES)) {
      flush(nowMs).ifPresent(now::add);
    }
    heldKind = kind;
    heldNames.add(name);
    heldBytes += cost;
    heldOnline = online;
    heldAtMs = nowMs;
    return now;
  }

  /**
   * The waiting notice, if the last announcement was {@link #HOLD_MS} or more before {@code nowMs}.
   */
  public Optional<Announcement> due(long nowMs) {
    return nowMs - lastAnnouncedMs >= holdMs ? flush(nowMs) : Optional.empty();
  }

  /** The waiting notice, now, if there is one: before another event is numbered. */
  public Optional<Announcement> flush(long nowMs) {
    if (heldKind == null) {
      return Optional.empty();
    }
    Announcement announcement = new Announcement(heldKind, heldNames, heldOnline, heldAtMs);
    heldKind = null;
    heldNames = new ArrayList<>();
    heldBytes = 0;
    lastAnnouncedMs = nowMs;
    return Optional.of(announcement);
  }

  /** Whether a change is waiting to be announced. */
  public boolean holding() {
    return heldKind != null;
  }
}
