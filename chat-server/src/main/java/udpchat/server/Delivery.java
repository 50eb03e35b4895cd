package udpchat.server;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import udpchat.protocol.Lost;

/**
 * Gets every room event to every member that may see it, exactly once and in the room's order, over
 * a network that loses, duplicates and reorders datagrams.
 *
 * <p>Each member has a stream: the events after its start that it may see. Every event sent in it
 * carries {@code prev}, the member's previous event, so the client holds back what comes early,
 * drops what it has, and knows when something is missing. The client acknowledges the stream
 * cumulatively; what stays unacknowledged is sent again after a timeout that starts at {@link
 * #BASE_RTO_MS} and doubles up to {@link #MAX_RTO_MS}, and at once when an ack shows a gap. A
 * member further behind than the {@link RoomLog} keeps is sent a {@link Lost} in place of what is
 * gone.
 *
 * <p>Time is an argument; the {@link Room} holds the lock.
 */
final class Delivery {

  /**
   * The first retransmission timeout. A client acknowledges within about {@code 100 ms} (its ack
   * delay plus a timer tick), and a LAN round trip is far below that.
   */
  static final long BASE_RTO_MS = 250;

  /** A LAN has no congestion worth backing off further for, and people are waiting. */
  static final long MAX_RTO_MS = 1000;

  /**
   * A gap a client names is sent again at once, but the same gap not more often than this (a gap
   * named after the stream moved on is a new one).
   */
  static final long GAP_RESEND_INTERVAL_MS = 50;

  /** Events sent again to one member at a time, so catching up never floods the socket. */
  static final int RESEND_BURST = 64;

  private final Outbox outbox;
  private final RoomLog log;

  /**
   * The members with events sent and not yet acknowledged: the only ones {@link #resendDue} looks
   * at, so a quiet room of many members costs the retransmitter nothing.
   */
  private final Set<Member> unacknowledged = new LinkedHashSet<>();

  Delivery(Outbox outbox, RoomLog log) {
    this.outbox = outbox;
    this.log = log;
  }

  /**
   * Starts {@code member}'s stream after {@code start}: the events up to the head that it may see
   * (the backlog, or what a rejoining client missed) count as sent, for {@link #catchUp} to send.
   */
  void begin(Member member, long start) {
    Member.Stream stream = member.stream;
    stream.start = start;
    stream.acked = start;
    stream.lastSent = lastVisible(member, start);
    stream.rtoMs = BASE_RTO_MS;
  }

  /** Sends the events that {@link #begin} counted as sent, once the member knows its start. */
  void catchUp(Member member, long nowMs) {
    Member.Stream stream = member.stream;
    stream.resendAtMs = nowMs + BASE_RTO_MS;
    if (stream.behind()) {
      unacknowledged.add(member);
      resend(member, stream.lastSent, nowMs);
    }
  }

  /** Sends a new event to the members that may see it, each after its own previous event. */
  void publish(RoomEvent event, Collection<Member> members, long nowMs) {
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
        stream.rtoMs = BASE_RTO_MS;
        stream.resendAtMs = nowMs + BASE_RTO_MS;
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
  void onAck(Member member, long seq, Long missingTo, long nowMs) {
    Member.Stream stream = member.stream;
    boolean movedOn = seq > stream.acked && seq <= stream.lastSent;
    if (movedOn) {
      stream.acked = seq;
      stream.rtoMs = BASE_RTO_MS;
      stream.resendAtMs = nowMs + BASE_RTO_MS;
      if (!stream.behind()) {
        unacknowledged.remove(member);
      }
    }
    // The same gap named again is resent at most every GAP_RESEND_INTERVAL_MS; a gap after one
    // just filled (the ack moved the stream on) is a new one, resent at once.
    if (missingTo != null
        && missingTo > stream.acked
        && (movedOn || nowMs - stream.lastResendMs >= GAP_RESEND_INTERVAL_MS)) {
      resend(member, Math.min(missingTo, stream.lastSent), nowMs); // just the gap, at once
    }
  }

  /** Sends again to each member what it has not acknowledged in time. */
  void resendDue(long nowMs) {
    for (Iterator<Member> it = unacknowledged.iterator(); it.hasNext(); ) {
      Member member = it.next();
      Member.Stream stream = member.stream;
      if (!stream.behind()) {
        it.remove(); // caught up by an ack that did not move its stream
      } else if (nowMs >= stream.resendAtMs) {
        resend(member, stream.lastSent, nowMs);
        stream.rtoMs = Math.min(stream.rtoMs * 2, MAX_RTO_MS);
        stream.resendAtMs = nowMs + stream.rtoMs;
      }
    }
  }

  /** {@code member} left the room: nothing more is sent to it in its stream. */
  void forget(Member member) {
    unacknowledged.remove(member);
  }

  /** Sends the unacknowledged part of the member's stream up to {@code until}, up to a burst. */
  private void resend(Member member, long until, long nowMs) {
    Member.Stream stream = member.stream;
    stream.lastResendMs = nowMs;
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
        outbox.send(event.inStream(cursor), member.address());
        cursor = seq;
        sent++;
      }
    }
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
