package udpchat.server.delivery;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import udpchat.protocol.Chat;
import udpchat.protocol.Lost;
import udpchat.protocol.Notice;
import udpchat.protocol.Private;
import udpchat.server.journal.RoomEvent;
import udpchat.server.journal.RoomLog;
import udpchat.server.net.Outbox;
import udpchat.server.room.Member;
import udpchat.server.room.Room;
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
 * <p>Time is an argument; the {@link Room} holds the lock.
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

  /** Backoffs counted at most; the timeout reaches {@link #MAX_RTO_MS} long before. */
  private static final int MAX_BACKOFFS = 16;

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

  /**
   * The members with events sent and not yet acknowledged: the only ones {@link #resendDue} looks
   * at, so a quiet room of many members costs the retransmitter nothing.
   */
  private final Set<Member> unacknowledged = new LinkedHashSet<>();

  public Delivery(Outbox outbox, RoomLog log) {
    this.outbox = outbox;
    this.log = log;
  }

  /**
   * Starts {@code member}'s stream after {@code start}: the events up to the head that it may see
   * (the backlog, or what a rejoining client missed) count as sent, for {@link #catchUp} to send.
   */
  public void begin(Member member, long start) {
    Member.Stream stream = member.stream;
    stream.start = start;
    stream.acked = start;
    stream.lastSent = lastVisible(member, start);
    stream.backoffs = 0;
    stream.timedSeq = Member.Stream.NOT_TIMED;
  }

  /** Sends the events that {@link #begin} counted as sent, once the member knows its start. */
  public void catchUp(Member member, long nowMs) {
    Member.Stream stream = member.stream;
    stream.resendAtMs = nowMs + timeoutMs(stream);
    if (stream.behind()) {
      unacknowledged.add(member);
      resend(member, stream.lastSent, nowMs, Long.MAX_VALUE);
    }
  }

  /** Sends a new event to the members that may see it, each after its own previous event. */
  public void publish(RoomEvent event, Collection<Member> members, long nowMs) {
    // Members that have been sent the same events share a prev: one datagram, encoded once each.
    Map<Long, List<InetSocketAddress>> byPrev = new HashMap<>();
    // Usually every member shares one prev: the map is looked up (and the prev boxed) only when
    // it differs from the member before's, not once per member on every event.
    long lastPrev = -1;
    List<InetSocketAddress> lastGroup = null;
    for (Member member : members) {
      if (!visible(event, member)) {
        continue;
      }
      Member.Stream stream = member.stream;
      if (!stream.behind()) {
        stream.resendAtMs = nowMs + timeoutMs(stream);
      }
      if (stream.timedSeq == Member.Stream.NOT_TIMED) {
        stream.timedSeq = event.seq(); // its first send: the ack that covers it is a round trip
        stream.timedSentMs = nowMs;
      }
      if (lastGroup == null || stream.lastSent != lastPrev) {
        lastPrev = stream.lastSent;
        lastGroup = byPrev.computeIfAbsent(lastPrev, prev -> new ArrayList<>());
      }
      lastGroup.add(member.address());
      stream.lastSent = event.seq();
      unacknowledged.add(member);
    }
    byPrev.forEach((prev, addresses) -> outbox.broadcast(event.inStream(prev), addresses));
  }

  /**
   * The member has shown its stream up to {@code seq}, and misses what follows up to {@code
   * missingTo} (null when it holds nothing later).
   */
  public void onAck(Member member, long seq, Long missingTo, long nowMs) {
    Member.Stream stream = member.stream;
    boolean movedOn = seq > stream.acked && seq <= stream.lastSent;
    if (movedOn) {
      stream.acked = seq;
      if (stream.timedSeq != Member.Stream.NOT_TIMED && seq >= stream.timedSeq) {
        stream.timer.onSample((nowMs - stream.timedSentMs) * 1_000_000);
        stream.timedSeq = Member.Stream.NOT_TIMED;
        stream.backoffs = 0; // the member answers in time again
      } else if (stream.backoffs > 0) {
        // It answers, but whether in time is not known (Karn): one doubling is taken back. Not
        // all, so that a member whose round trip grew past twice its timeout (every event sent
        // again, none measurable) still backs off until one is measured; not none, since at 40%
        // loss (ReliabilityTest) that kept timeouts near the maximum long after the member had
        // answered: paced delivery p99 5.3 s in two runs, against 0.9 to 2.4 s.
        stream.backoffs--;
      }
      stream.resendAtMs = nowMs + timeoutMs(stream);
      if (!stream.behind()) {
        unacknowledged.remove(member);
      }
    }
    // The same gap named again is resent at most every GAP_RESEND_INTERVAL_MS; a gap after one
    // just filled (the ack moved the stream on) is a new one, resent at once.
    if (missingTo != null
        && missingTo > stream.acked
        && (movedOn || nowMs - stream.lastResendMs >= GAP_RESEND_INTERVAL_MS)) {
      // Just the gap, at once.
      resend(member, Math.min(missingTo, stream.lastSent), nowMs, Long.MAX_VALUE);
      // The member is heard and its gap under repair: the timeout is for when it falls silent.
      // Without this, a timeout near the ack delay would fire during many repairs and send up to
      // RESEND_BURST events that the client holds already.
      stream.resendAtMs = nowMs + timeoutMs(stream);
    }
  }

  /** Sends again to each member what it has not acknowledged in time. */
  public void resendDue(long nowMs) {
    for (Iterator<Member> it = unacknowledged.iterator(); it.hasNext(); ) {
      Member member = it.next();
      Member.Stream stream = member.stream;
      if (!stream.behind()) {
        it.remove(); // caught up by an ack that did not move its stream
      } else if (nowMs >= stream.resendAtMs) {
        // What was posted less than a timeout ago is most likely on its way, or its ack is: a
        // timeout that fires while the member's acks are late then resends less it has.
        resend(member, stream.lastSent, nowMs, nowMs - timeoutMs(stream));
        stream.backoffs = Math.min(stream.backoffs + 1, MAX_BACKOFFS);
        stream.resendAtMs = nowMs + timeoutMs(stream);
      }
    }
  }

  /** {@code member} left the room: nothing more is sent to it in its stream. */
  public void forget(Member member) {
    unacknowledged.remove(member);
  }

  /**
   * Sends the unacknowledged part of the member's stream up to {@code until}, up to a burst: its
   * oldest event, then the next ones posted by {@code postedByMs}.
   */
  private void resend(Member member, long until, long nowMs, long postedByMs) {
    Member.Stream stream = member.stream;
    stream.lastResendMs = nowMs;
    // Karn: an ack from now on may answer a copy, or may have waited for it.
    stream.timedSeq = Member.Stream.NOT_TIMED;
    long cursor = stream.acked;
    long oldest = log.oldest();
    int sent = 0;
    if (cursor < oldest - 1) {
      long gone = Math.min(oldest - 1, stream.lastSent);
      outbox.send(new Lost(cursor, gone, gone - cursor), member.address());
      cursor = gone;
      sent++;
    }
    for (long seq = cursor + 1; seq <= until && sent < RESEND_BURST; seq++) {
      RoomEvent event = log.get(seq);
      if (event != null && visible(event, member)) {
        if (sent > 0 && postedAtMs(event) > postedByMs) {
          break;
        }
        outbox.send(event.inStream(cursor), member.address());
        cursor = seq;
        sent++;
      }
    }
  }

  /** When the room posted {@code event}, and so first sent it to the members then in the room. */
  private static long postedAtMs(RoomEvent event) {
    if (event.message() instanceof Chat chat) {
      return chat.at();
    }
    if (event.message() instanceof Private tell) {
      return tell.at();
    }
    Long at = ((Notice) event.message()).at();
    return at == null ? Long.MIN_VALUE : at;
  }

  /** The member's retransmission timeout now, backoff included, in whole milliseconds. */
  static long timeoutMs(Member.Stream stream) {
    return (stream.timer.timeoutNs(stream.backoffs) + 999_999) / 1_000_000;
  }

  /** The last event after {@code start} that {@code member} may see, or where its stream stands. */
  private long lastVisible(Member member, long start) {
    long oldest = log.oldest();
    for (long seq = log.head(); seq > start && seq >= oldest; seq--) {
      RoomEvent event = log.get(seq);
      if (event != null && visible(event, member)) {
        return seq;
      }
    }
    return Math.max(start, Math.min(oldest - 1, log.head())); // what is gone becomes one Lost
  }

  private static boolean visible(RoomEvent event, Member member) {
    return event.seq() > member.stream.start && event.audience().includes(member.client());
  }
}
