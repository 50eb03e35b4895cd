package udpchat.server.delivery;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import udpchat.protocol.Lost;
import udpchat.server.journal.RoomEvent;
import udpchat.server.journal.RoomLog;
import udpchat.server.net.Outbox;
import udpchat.time.RetransmitTimer;

/**
 * Gets every room event to every member that may see it, exactly once and in the room's order, over
 * a network that loses, duplicates and reorders datagrams.
 *
 * <p>Each member has a stream: the events after its start that it may see. Every event sent in it
 * carries {@code prev}, the member's previous event, so the client holds back what comes early,
 * drops what it has, and knows when something is missing. The client acknowledges the stream
 * cumulatively; a gap an ack names is sent again at once, and when the member has not moved its
 * stream on nor named a gap for its retransmission timeout, its oldest unacknowledged event is sent
 * again, with those after it that were posted a timeout ago or more.
 *
 * <p>The timeout is each member's own: RFC 6298's, from the member's round trips ({@link
 * RetransmitTimer}, bounds {@link #EVENT_TIMER}), doubled for each timeout; a measured round trip
 * starts the backoff over, and an ack that moves the stream without one takes back one doubling. On
 * a LAN the floor decides, as for the client's messages; the estimate lifts the timeout of a member
 * whose round trips are long. A round trip runs from an event's first send to the first ack that
 * covers it, one event timed at a time, so it includes the client's ack delay, and the timeout with
 * it. Karn's rule, widened: no round trip is taken across any resend to the member, since the ack
 * may answer the copy, or may have waited for a resent gap before the timed event. A member further
 * behind than the {@link RoomLog} keeps is sent a {@link Lost} in place of what is gone.
 *
 * <p>Time is an argument. Each member's {@link Stream} holds where it stands; this class decides
 * what to send.
 */
public final class Delivery {

  /** The retransmission timeout until the member's first round trip is measured (its join). */
  public static final long INITIAL_RTO_MS = 250;

  /**
   * The longest a client takes to acknowledge an event that arrives alone: its ack delay of 50 ms,
   * on a timer that ticks every 10 ms (PROTOCOL.md §9.3). No timeout may be shorter.
   */
  public static final long ACK_WAIT_MS = 60;

  /**
   * The floor of the timeout: two {@link #ACK_WAIT_MS} and 30 ms for a pause of the client's (a
   * garbage collection, a time slice on a busy machine). The timer starts again at each ack that
   * moves the stream, and in a busy room those come one ack delay apart; with one lost (one in
   * twenty at 5% loss) the next comes two apart, and a timeout shorter than that would send up to
   * {@link #RESEND_BURST} events the member has (measured: ten times the duplicates with a floor of
   * 80 ms). The round trips measured include the ack delay, but one timed while the client's ack
   * was already due is shorter, so they alone would not keep the timeout above it either.
   */
  public static final long MIN_RTO_MS = 2 * ACK_WAIT_MS + 30;

  /** A LAN has no congestion worth backing off further for, and people are waiting. */
  public static final long MAX_RTO_MS = 1000;

  /**
   * The bounds of a member's timer. No allowance: the round trips already hold the client's
   * processing (its ack delay) and the server's own queue.
   */
  public static final RetransmitTimer.Settings EVENT_TIMER =
      RetransmitTimer.Settings.of(
          Duration.ofMillis(INITIAL_RTO_MS),
          Duration.ofMillis(MIN_RTO_MS),
          Duration.ofMillis(MAX_RTO_MS),
          Duration.ZERO);

  /**
   * A gap a client names is sent again at once, but the same gap not more often than this (a gap
   * named after the stream moved on is a new one).
   */
  public static final long GAP_RESEND_INTERVAL_MS = 50;

  /**
   * Events sent again to one member at a time, so catching up never floods the socket. A timeout's
   * resend starts at the member's oldest unacknowledged event, since its client can show nothing
   * before that one comes; the rest follow as its acks move the stream on or name the next gap.
   */
  public static final int RESEND_BURST = 64;

  private final Outbox outbox;
  private final RoomLog log;
  private final DeliveryCounts counts = new DeliveryCounts();

  /**
   * The members with events sent and not yet acknowledged: the only ones {@link #resendDue} looks
   * at, so a quiet room of many members costs the retransmission tick nothing.
   */
  private final Set<Stream> unacknowledged = new LinkedHashSet<>();

  public Delivery(Outbox outbox, RoomLog log) {
    this.outbox = outbox;
    this.log = log;
  }

  /**
   * Starts {@code stream} after {@code start}: the events up to the head that it may see (the
   * backlog, or what a rejoining client missed) count as sent, for {@link #catchUp} to send.
   */
  public void begin(Stream stream, long start) {
    stream.begin(start, lastVisible(stream, start));
  }

  /** Sends the events that {@link #begin} counted as sent, once the member knows its start. */
  public void catchUp(Stream stream, long nowMs) {
    stream.restartTimer(nowMs);
    if (stream.behind()) {
      unacknowledged.add(stream);
      resend(stream, stream.lastSent(), nowMs, Long.MAX_VALUE);
    }
  }

  /** Sends a new event to the streams that may see it, each after its own previous event. */
  public void publish(RoomEvent event, Iterable<Stream> streams, long nowMs) {
    // Streams that have been sent the same events share a prev: one datagram, encoded once each.
    Map<Long, List<InetSocketAddress>> byPrev = new HashMap<>();
    // Usually every member shares one prev: the map is looked up (and the prev boxed) only when
    // it differs from the member before's, not once per member on every event.
    long lastPrev = -1;
    List<InetSocketAddress> lastGroup = null;
    for (Stream stream : streams) {
      if (!stream.sees(event)) {
        continue;
      }
      if (!stream.behind()) {
        stream.restartTimer(nowMs);
      }
      if (lastGroup == null || stream.lastSent() != lastPrev) {
        lastPrev = stream.lastSent();
        lastGroup = byPrev.computeIfAbsent(lastPrev, prev -> new ArrayList<>());
      }
      lastGroup.add(stream.address());
      stream.sent(event.seq(), nowMs);
      unacknowledged.add(stream);
    }
    byPrev.forEach((prev, addresses) -> outbox.broadcast(event.inStream(prev), addresses));
  }

  /**
   * The member has shown its stream up to {@code seq}, and misses what follows up to {@code
   * missingTo} (null when it holds nothing later).
   */
  public void onAck(Stream stream, long seq, Long missingTo, long nowMs) {
    boolean movedOn = stream.acked(seq, nowMs);
    long roundTripMs = stream.takeMeasuredMs();
    if (roundTripMs >= 0) {
      counts.roundTrip(roundTripMs);
    }
    if (movedOn && !stream.behind()) {
      unacknowledged.remove(stream);
    }
    // The same gap named again is resent at most every GAP_RESEND_INTERVAL_MS; a gap after one
    // just filled (the ack moved the stream on) is a new one, resent at once.
    if (missingTo != null
        && missingTo > stream.acked()
        && (movedOn || stream.resentBefore(nowMs, GAP_RESEND_INTERVAL_MS))) {
      // Just the gap, at once.
      counts.resent(resend(stream, Math.min(missingTo, stream.lastSent()), nowMs, Long.MAX_VALUE));
      // The member is heard and its gap under repair: the timeout is for when it falls silent.
      // Without this, a timeout near the ack delay would fire during many repairs and send up to
      // RESEND_BURST events that the client holds already.
      stream.restartTimer(nowMs);
    }
  }

  /** Sends again to each member what it has not acknowledged in time. */
  public void resendDue(long nowMs) {
    for (Iterator<Stream> it = unacknowledged.iterator(); it.hasNext(); ) {
      Stream stream = it.next();
      if (!stream.behind()) {
        it.remove(); // caught up by an ack that did not move its stream
      } else if (stream.timedOut(nowMs)) {
        // What was posted less than a timeout ago is most likely on its way, or its ack is: a
        // timeout that fires while the member's acks are late then resends less it has.
        counts.resent(resend(stream, stream.lastSent(), nowMs, nowMs - stream.timeoutMs()));
        stream.backOff(nowMs);
      }
    }
  }

  /** What delivery did so far: resends and round trips, readable from any thread. */
  public DeliveryCounts counts() {
    return counts;
  }

  /** The member of {@code stream} left the room: nothing more is sent in it. */
  public void forget(Stream stream) {
    unacknowledged.remove(stream);
  }

  /**
   * Sends the unacknowledged part of the stream up to {@code until}, up to a burst: its oldest
   * event, then the next ones posted by {@code postedByMs}; how many datagrams that took.
   */
  private int resend(Stream stream, long until, long nowMs, long postedByMs) {
    stream.resending(nowMs);
    long cursor = stream.acked();
    long oldest = log.oldest();
    int sent = 0;
    if (cursor < oldest - 1) {
      long gone = Math.min(oldest - 1, stream.lastSent());
      outbox.send(new Lost(cursor, gone, gone - cursor), stream.address());
      cursor = gone;
      sent++;
    }
    for (long seq = cursor + 1; seq <= until && sent < RESEND_BURST; seq++) {
      RoomEvent event = log.get(seq);
      if (event != null && stream.sees(event)) {
        if (sent > 0 && postedAtMs(event) > postedByMs) {
          break;
        }
        outbox.send(event.inStream(cursor), stream.address());
        cursor = seq;
        sent++;
      }
    }
    return sent;
  }

  /** When the room posted {@code event}, and so first sent it to the members then in the room. */
  private static long postedAtMs(RoomEvent event) {
    Long at = event.message().postedAt();
    return at == null ? Long.MIN_VALUE : at;
  }

  /** The last event after {@code start} that the stream may see, or where it stands. */
  private long lastVisible(Stream stream, long start) {
    long oldest = log.oldest();
    for (long seq = log.durableHead(); seq > start && seq >= oldest; seq--) {
      RoomEvent event = log.get(seq);
      if (event != null && event.seq() > start && event.audience().includes(stream.client())) {
        return seq;
      }
    }
    return Math.max(start, Math.min(oldest - 1, log.durableHead())); // what is gone: one Lost
  }
}
