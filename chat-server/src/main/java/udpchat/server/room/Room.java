package udpchat.server.room;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.Drops;
import udpchat.protocol.Notice;
import udpchat.protocol.Posted;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.json.Codec;
import udpchat.server.delivery.Delivery;
import udpchat.server.door.Admission;
import udpchat.server.journal.RoomLog;
import udpchat.server.net.Inbound;
import udpchat.server.net.Outbox;
import udpchat.server.room.members.Member;
import udpchat.server.room.members.MembershipNotices;
import udpchat.server.room.members.Roster;

/**
 * The chat room: its members by address and by name, and what each request does to them.
 *
 * <p>A member is identified by its source address and proves each request with the session token it
 * was given on join; a request whose token does not match its address is dropped, so a forged
 * source address cannot speak for anyone. Every authenticated datagram counts as a heartbeat, and
 * nothing else does. An address becomes a member only by a join that proves, with the cookie the
 * {@link Admission} gave it, that it receives there; until then nothing is kept about it. {@link
 * #expire} removes members whose last datagram is older than the timeout and tells the room.
 *
 * <p>Everything that happens in the room (messages, private messages, joins, leaves, expiries,
 * renames) becomes a numbered event in the {@link RoomLog}, and {@link Delivery} gets it to each
 * member in that order. Joins, leaves and expiries in a burst share one event ({@link
 * MembershipNotices}). A client's messages are numbered by the client; each number is posted once
 * and in order, and acknowledged with {@link Posted}, again for every copy that arrives.
 *
 * <p>Time is an argument ({@code nowMs}), never read here, so tests decide expiry exactly. Not
 * thread-safe, and needs no lock: in the server only the {@link RoomAgent}'s thread calls in, and
 * tests call in from theirs. Nothing here waits for the network: replies go to the {@link Outbox},
 * which sends them on its own thread.
 */
public final class Room implements Inbound {

  private static final Logger log = LoggerFactory.getLogger(Room.class);

  /** How long after a membership notice the next waits for company, in the server. */
  public static final long NOTICE_HOLD_MS = MembershipNotices.HOLD_MS;

  private final CycleOutbox outbox;
  private final Codec codec;
  private final Drops drops;
  private final RoomLog events;
  private final Delivery delivery;
  private final Duration timeout;
  private final Admission admission;
  private final Roster roster;
  private final Announcer announcer;
  private final MemberRequests requests;
  private final RequestDispatch dispatch;
  private final Snapshots snapshots;
  private final RoomCounters counters;
  private boolean closed;

  /**
   * @param events the room's numbered events (and its journal)
   * @param backlog how many recent messages a newcomer is shown
   * @param epoch this server process's id, told to every client in its welcome
   * @param maxMembers how many members the room holds; a join beyond is refused ({@code room-full})
   * @param maxPerAddress how many of them one IP address may have; a join beyond is refused too
   * @param stampOf the wall time (ms since the epoch, shown to members as {@code at}) of a {@code
   *     nowMs} of the timers' clock; the identity where both are one clock (tests)
   * @param noticeHoldMs how long after a membership notice the next waits for company; 0 tells each
   *     change alone, at once (tests that count events one per change)
   */
  public Room(
      Outbox outbox,
      Codec codec,
      Drops drops,
      RoomLog events,
      Duration timeout,
      Duration heartbeat,
      int backlog,
      long epoch,
      int maxMembers,
      int maxPerAddress,
      long noticeHoldMs,
      LongUnaryOperator stampOf) {
    RoomPart parts =
        RoomPart.of(
            outbox,
            codec,
            drops,
            events,
            timeout,
            maxMembers,
            maxPerAddress,
            noticeHoldMs,
            stampOf);
    this.outbox = parts.outbox;
    this.admission = parts.admission;
    this.codec = codec;
    this.drops = drops;
    this.events = events;
    this.delivery = parts.delivery;
    this.timeout = timeout;
    this.roster = parts.roster;
    this.announcer = parts.announcer;
    this.requests = new MemberRequests(parts);
    this.snapshots = new Snapshots(parts);
    this.counters = parts.counters;
    this.dispatch =
        new RequestDispatch(
            parts,
            new Joining(parts, timeout, heartbeat, backlog, epoch),
            new Posting(parts),
            requests);
  }

  /**
   * Handles {@code request} as if it came in the datagram the Java codec makes of it (so a join is
   * padded); for tests, which build requests, not datagrams.
   */
  public void onRequest(InetSocketAddress from, ClientMessage request, long nowMs) {
    onRequest(from, request, codec.encode(request).length, nowMs);
  }

  /**
   * Handles one decoded request that arrived from {@code from} at {@code nowMs} in a datagram of
   * {@code bytes} bytes: no reply to an address that is not a member is larger than that.
   */
  @Override
  public void onRequest(InetSocketAddress from, ClientMessage request, int bytes, long nowMs) {
    try {
      handle(from, request, bytes, nowMs);
    } finally {
      done();
    }
  }

  private void handle(InetSocketAddress from, ClientMessage request, int bytes, long nowMs) {
    if (!closed) {
      dispatch.handle(from, request, bytes, nowMs);
    }
  }

  /**
   * A datagram from {@code from} that was not valid protocol. A member is told (at most once a
   * second) so its client can show the problem; anyone else gets nothing back.
   */
  @Override
  public void onMalformed(InetSocketAddress from, ProtocolException problem, long nowMs) {
    try {
      tellMalformed(from, problem, nowMs);
    } finally {
      done();
    }
  }

  private void tellMalformed(InetSocketAddress from, ProtocolException problem, long nowMs) {
    Member member = roster.get(from);
    if (member != null && !closed) {
      requests.malformed(member, problem, nowMs);
    }
  }

  /** Removes every member silent for longer than the timeout at {@code nowMs}; their names. */
  public List<String> expire(long nowMs) {
    try {
      return expireSilent(nowMs);
    } finally {
      done();
    }
  }

  private List<String> expireSilent(long nowMs) {
    List<Member> expired = roster.expire(nowMs, timeout.toMillis());
    announcer.expired(expired, nowMs);
    announcer.due(nowMs); // the sweep's expiries, together
    roster.sweepPresence(nowMs);
    return expired.stream().map(Member::name).toList();
  }

  /** Announces the joins, leaves and expiries that waited for company, when their wait is over. */
  public void announceDue(long nowMs) {
    if (!closed) {
      announcer.due(nowMs);
    }
    done();
  }

  /**
   * Sends again what members have not acknowledged in time, unless the outbox has not yet sent what
   * it was given: the timeouts wait until it has (a gap an ack names is still sent at once).
   */
  public void resendDue(long nowMs) {
    if (!closed && !outbox.backlogged()) {
      delivery.resendDue(nowMs);
    }
    done();
  }

  /** Tells every member the server is going away; from now on requests are ignored. */
  public void shutdown() {
    if (closed) {
      return;
    }
    // What waited is told: it happened, and the clients that rejoin the next server catch up on it.
    announcer.flushHeld(0);
    closed = true;
    roster.broadcast(Notice.unnumbered(Notice.Kind.SHUTDOWN, null, 0));
    done();
  }

  /**
   * From now until {@link #endCycle}, what the room does is one duty cycle of its thread: its
   * events are written to the journal together, in one write, and what it sends waits for that
   * write. Outside a cycle (tests, which call in directly) each call is a cycle of its own.
   */
  void beginCycle() {
    outbox.beginCycle();
  }

  /**
   * Ends the duty cycle: writes its events to the journal in one write, then sends what it said, in
   * order; when the write fails, undoes what the events did and refuses them instead.
   */
  void endCycle() {
    outbox.endCycle(events);
  }

  /** The end of a call from outside: a cycle of its own unless the room thread runs one. */
  private void done() {
    outbox.endCall(events);
  }

  /** The names of the members, in the order {@code /who} lists them. */
  public List<String> names() {
    return roster.names();
  }

  int size() {
    return roster.size();
  }

  /** What the room looks like now, for other threads (they read no room state themselves). */
  RoomSnapshot snapshot() {
    return snapshots.take();
  }

  /** What the room has done, counted as it goes; thread-safe, unlike the room. */
  RoomCounters counters() {
    return counters;
  }

  /** The door: cookies, the member cap, and the replies to addresses that are not members. */
  public Admission admission() {
    return admission;
  }

  /** The number of the room's last event. */
  public long head() {
    return events.durableHead();
  }
}
