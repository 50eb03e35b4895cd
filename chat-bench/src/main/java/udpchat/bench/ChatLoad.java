package udpchat.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import udpchat.protocol.Batch;
import udpchat.protocol.Codec;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Join;
import udpchat.protocol.Limits;
import udpchat.protocol.Notice;
import udpchat.protocol.Ping;
import udpchat.protocol.Pong;
import udpchat.protocol.Posted;
import udpchat.protocol.Retry;
import udpchat.protocol.Say;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.stream.Arrivals;
import udpchat.stream.PendingMessages;

/**
 * The members as real clients of the chat server: each joins with its own client id and waits for
 * its welcome (retrying as the Java client does), pings every {@code heartbeatMs}, and runs the
 * client's own stream core from common ({@code udpchat.stream}). Its {@link Arrivals} put the
 * room's events in order, tell copies apart and say when to ack and what is missing (PROTOCOL.md
 * §8, §9.3); the ack goes on the member's own 10 ms timer tick. A sender's {@link PendingMessages}
 * number its messages and send again what the server has not confirmed with {@code posted}, timed
 * by the measured round trips, as the client's session drives them.
 */
final class ChatLoad extends Load {

  /** The client's timers tick every 10 ms; resends are decided as often. */
  static final long RESEND_TICK_NS = 10_000_000L;

  /** The join is sent again 1, 2 and 4 s later, then every 5 s, as the Java client does. */
  static final long JOIN_RETRY_NS = 1_000_000_000L;

  static final long MAX_JOIN_RETRY_NS = 5_000_000_000L;

  private final InetSocketAddress server;
  private final Codec codec = new Codec();
  private final Inbound inbound = new Inbound(codec);
  private final byte[] item = new byte[Limits.MAX_DATAGRAM_BYTES];
  private static final byte[] BATCH_PREFIX = Batch.PREFIX.getBytes(StandardCharsets.US_ASCII);
  private final AckWriter acks = new AckWriter();

  /** What the event being read counts once shown; kept (copied) only if it must wait. */
  private final Received received = new Received();

  /** The numbers of the expiry notices member 0 counted. */
  private final Set<Long> expiryNoticesSeen = new HashSet<>();

  private final int joinWindow;

  private final ArrayDeque<SimMember> toJoin = new ArrayDeque<>();
  private final PriorityQueue<SimMember> joinRetries =
      new PriorityQueue<>(Comparator.comparingLong(member -> member.joinRetryNs));
  private final ArrayDeque<SimMember> pings = new ArrayDeque<>(); // all due at the same interval
  private final PriorityQueue<SimMember> ackDue =
      new PriorityQueue<>(Comparator.comparingLong(member -> member.ackDueNs));
  private long heartbeatNs = 5_000_000_000L;
  private int joining;
  private long pingId;
  private long nextResendNs;

  /**
   * @param joinWindow joins on their way at once: a thousand members joining in the same
   *     millisecond would measure the server's receive buffer, not the room
   */
  ChatLoad(
      List<SimMember> members,
      InetSocketAddress server,
      int senders,
      double ratePerS,
      int window,
      int size,
      int joinWindow) {
    super(members, senders, ratePerS, window, size);
    this.server = server;
    this.joinWindow = joinWindow;
  }

  /** Every member starts to join. */
  Void join() {
    for (SimMember member : members) {
      member.reset();
      toJoin.add(member);
    }
    return null;
  }

  /** The heartbeat interval the server asked for (known once a member is welcomed). */
  long heartbeatMs() {
    return heartbeatNs / 1_000_000L;
  }

  @Override
  boolean reliable() {
    return true;
  }

  /**
   * With a rate, a sender has at most {@code window} messages unconfirmed, as the Java client sends
   * only its first 32 unanswered: what the room cannot take is refused at the sender, counted, and
   * never piles up into an endless backlog that would measure the bench, not the room.
   */
  @Override
  boolean admits(SimMember sender) {
    PendingMessages pending = sender.sending.pending;
    return !pending.full() && pending.size() < window;
  }

  @Override
  boolean canSend(SimMember sender) {
    return sender.state == SimMember.State.JOINED;
  }

  @Override
  void send(SimMember sender, long number, String text, long nowNs) {
    sender.sending.pending.add(null, text, false, ms(nowNs));
    transmitDue(sender, nowNs);
  }

  /** Sends what the sender's pending messages say is due: new ones, and those not confirmed. */
  private void transmitDue(SimMember sender, long nowNs) {
    PendingMessages pending = sender.sending.pending;
    if (sender.state != SimMember.State.JOINED || pending.isEmpty()) {
      return;
    }
    long retransmissions = pending.retransmissions();
    for (PendingMessages.Message message : pending.due(ms(nowNs))) {
      Say say = new Say(sender.session, message.n(), message.text(), message.action());
      sendFrom(sender, ByteBuffer.wrap(codec.encode(say)), server);
    }
    tally.resent += pending.retransmissions() - retransmissions;
  }

  /** The stream core's clock: milliseconds of the same monotonic time. */
  static long ms(long nowNs) {
    return Math.floorDiv(nowNs, 1_000_000L);
  }

  @Override
  public void onDatagram(SimMember member, byte[] bytes, int length, long nowNs) {
    if (startsWith(bytes, length, BATCH_PREFIX)) {
      onBatch(member, bytes, length, nowNs);
    } else {
      onServerMessage(member, inbound.read(bytes, length, member.index == 0), length, nowNs);
    }
  }

  /**
   * Hands each event of a batch (PROTOCOL.md section 14) to {@link #onServerMessage} as if it had
   * come alone: the items are complete objects, found by their braces outside strings.
   */
  private void onBatch(SimMember member, byte[] bytes, int length, long nowNs) {
    int depth = 0;
    int start = -1;
    boolean inString = false;
    for (int i = BATCH_PREFIX.length; i < length; i++) {
      byte b = bytes[i];
      if (inString) {
        if (b == '\\') {
          i++; // the escaped character, a quote perhaps
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == '{' && depth++ == 0) {
        start = i;
      } else if (b == '}' && --depth == 0) {
        int itemLength = i + 1 - start;
        System.arraycopy(bytes, start, item, 0, itemLength);
        onServerMessage(
            member, inbound.read(item, itemLength, member.index == 0), itemLength, nowNs);
      }
    }
    tally.batches++;
  }

  private static boolean startsWith(byte[] bytes, int length, byte[] prefix) {
    if (length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** Every decoded server message goes through here. */
  void onServerMessage(SimMember member, Inbound message, int bytes, long nowNs) {
    switch (message.kind) {
      case EVENT, LOST -> onEvent(member, message, bytes, nowNs);
      case OTHER -> onOther(member, message.message, nowNs);
      case INVALID -> tally.invalid++;
    }
  }

  private void onEvent(SimMember member, Inbound event, int bytes, long nowNs) {
    if (member.state != SimMember.State.JOINED) {
      return; // before the welcome: the client drops it, and it is sent again
    }
    Arrivals<Received> arrivals = member.arrivals;
    if (event.message instanceof Notice notice && event.seq > arrivals.shown()) {
      countExpiries(notice); // member 0's, decoded in full
    }
    Received shown = received.of(event, bytes);
    switch (arrivals.offer(event.seq, event.prev, shown, ms(nowNs))) {
      case NEXT -> {
        for (; shown != null; shown = arrivals.nextReady()) {
          show(member, shown, nowNs);
        }
      }
      case DUPLICATE, EARLY_COPY -> duplicate(shown, nowNs);
      case EARLY, ASTRAY -> {} // held until the gap fills; or dropped, and the ack says so
    }
    scheduleAck(member);
  }

  private void duplicate(Received event, long nowNs) {
    if (event.sentNs >= 0) {
      tally.onMessage(event.sentNs, nowNs, event.bytes, false);
    } else {
      tally.duplicates++;
    }
  }

  private void show(SimMember member, Received event, long nowNs) {
    tally.lostByServer += event.lost;
    if (event.sentNs < 0) {
      return; // a notice, a lost, or a message from no sender of ours
    }
    tally.onMessage(event.sentNs, nowNs, event.bytes, true);
    if (event.sender == member.index) {
      onOwnCopy(member, event.number, nowNs);
    }
  }

  private void onOther(SimMember member, ServerMessage message, long nowNs) {
    if (message instanceof Welcome welcome) {
      if (member.state == SimMember.State.JOINING) {
        member.welcome(welcome.session(), welcome.start());
        joining--;
        tally.joined++;
        heartbeatNs = welcome.heartbeatMs() * 1_000_000L;
        member.pingDueNs = nowNs + heartbeatNs;
        pings.add(member);
        if (member.sending != null) {
          member.sending.pending.resendAll(ms(nowNs)); // a rejoin: what waits goes at once
          transmitDue(member, nowNs);
        }
      }
    } else if (message instanceof Posted posted) {
      tally.posted++;
      if (member.sending != null) {
        onPosted(member, posted.n(), nowNs);
      }
    } else if (message instanceof Pong) {
      tally.pongs++;
    } else if (message instanceof Notice notice) {
      onNotice(member, notice, nowNs);
    } else if (message instanceof Retry retry) {
      // Join with this cookie (address validation): at once while joining; a member the server
      // no longer knows (it expired it, or restarted) joins again, as the client does.
      member.cookie = retry.cookie();
      if (member.state == SimMember.State.JOINING) {
        sendJoin(member, member.arrivals.shown() > 0 ? member.arrivals.shown() : -1, nowNs);
      } else if (member.state == SimMember.State.JOINED) {
        tally.forgotten++;
        rejoin(member, nowNs);
      }
    } else if (message instanceof ErrorReply) {
      tally.errors++;
    }
  }

  /**
   * The server posted message {@code n}: settled, its round trip measured where it can be; it posts
   * in order, so the earlier ones still waiting got there and their answers were lost: asked again
   * now, as the client's session does.
   */
  private void onPosted(SimMember sender, long n, long nowNs) {
    PendingMessages pending = sender.sending.pending;
    pending.posted(n, ms(nowNs));
    pending.hurryBefore(n, ms(nowNs));
    transmitDue(sender, nowNs);
  }

  /** Unnumbered notices: this member expired (though it kept pinging), or the server stops. */
  private void onNotice(SimMember member, Notice notice, long nowNs) {
    if (Notice.EXPIRED.equals(notice.event()) && notice.seq() == null) {
      tally.expiredNotices++;
      rejoin(member, nowNs);
    }
  }

  /**
   * The expiries of simulated members in a numbered notice member 0 got, each event once (a copy
   * sent again is not counted twice): one notice may name several, a burst of expiries.
   */
  private void countExpiries(Notice notice) {
    if (Notice.EXPIRED.equals(notice.event()) && expiryNoticesSeen.add(notice.seq())) {
      tally.expiredSeen += notice.members().stream().filter(n -> n.startsWith("m")).count();
    }
  }

  private void rejoin(SimMember member, long nowNs) {
    if (member.state == SimMember.State.JOINED) {
      member.state = SimMember.State.JOINING;
      member.joinAttempts = 0;
      joining++;
      joinRetries.remove(member); // its due time changes below
      sendJoin(member, member.arrivals.shown(), nowNs);
    }
  }

  /**
   * The member's first timer tick at or after {@code dueNs}. The client sends its acks from a timer
   * that ticks every 10 ms, each client at a phase of its own: an ack due now waits up to 10 ms,
   * and a room's members ack a broadcast at instants spread over 10 ms. Without this every
   * simulated member acked at the same microsecond, 100 acks in one burst at the server every 50
   * ms, a load no room of real clients makes (the latency tail's study in PERFORMANCE.md).
   */
  static long onTick(SimMember member, long dueNs) {
    long phaseNs = Math.floorMod(member.index * 2_654_435_761L, RESEND_TICK_NS); // spread evenly
    return dueNs + Math.floorMod(phaseNs - dueNs, RESEND_TICK_NS);
  }

  /** Queues the member's ack for its first tick once its arrivals say one is due, if they do. */
  private void scheduleAck(SimMember member) {
    long dueMs = member.arrivals.ackDueAtMs();
    if (dueMs == Arrivals.NEVER) {
      return;
    }
    long dueNs = onTick(member, dueMs * 1_000_000L);
    if (!member.ackQueued) {
      member.ackQueued = true;
      member.ackDueNs = dueNs;
      ackDue.add(member);
    } else if (member.ackDueNs > dueNs) {
      ackDue.remove(member); // its due time changes below
      member.ackDueNs = dueNs;
      ackDue.add(member);
    }
  }

  @Override
  public void onTick(long nowNs) {
    joinMore(nowNs);
    for (SimMember member = joinRetries.peek();
        member != null && member.joinRetryNs <= nowNs;
        member = joinRetries.peek()) {
      joinRetries.poll();
      if (member.state == SimMember.State.JOINING) {
        sendJoin(member, member.arrivals.shown() > 0 ? member.arrivals.shown() : -1, nowNs);
      }
    }
    for (SimMember member = pings.peek();
        member != null && member.pingDueNs <= nowNs;
        member = pings.peek()) {
      pings.poll();
      if (member.state == SimMember.State.JOINED) {
        sendFrom(member, ByteBuffer.wrap(codec.encode(new Ping(member.session, ++pingId))), server);
        tally.pingsSent++;
        member.pingDueNs = Math.max(member.pingDueNs + heartbeatNs, nowNs);
        pings.add(member);
      }
    }
    for (SimMember member = ackDue.peek();
        member != null && member.ackDueNs <= nowNs;
        member = ackDue.peek()) {
      ackDue.poll();
      member.ackQueued = false;
      sendAck(member, nowNs);
    }
    pace(nowNs);
    resendUnconfirmed(nowNs);
  }

  private void joinMore(long nowNs) {
    while (joining < joinWindow && !toJoin.isEmpty()) {
      SimMember member = toJoin.poll();
      member.state = SimMember.State.JOINING;
      joining++;
      sendJoin(member, -1, nowNs);
    }
  }

  private void sendJoin(SimMember member, long since, long nowNs) {
    long next = member.sending == null ? 1 : member.sending.pending.lowestUnsettled();
    Join join =
        new Join(member.name, member.clientId, next, since >= 0 ? since : null)
            .withCookie(member.cookie);
    member.joinRetryNs =
        nowNs + Math.min(JOIN_RETRY_NS << Math.min(member.joinAttempts, 3), MAX_JOIN_RETRY_NS);
    member.joinAttempts++;
    joinRetries.add(member);
    tally.joinsSent++;
    sendFrom(member, ByteBuffer.wrap(codec.encode(join)), server);
  }

  private void sendAck(SimMember member, long nowNs) {
    if (member.state != SimMember.State.JOINED) {
      return;
    }
    Arrivals<Received> arrivals = member.arrivals;
    if (arrivals.ackDue(ms(nowNs))) {
      Long missingTo = arrivals.missingTo();
      ByteBuffer ack =
          acks.ack(member.sessionBytes, arrivals.shown(), missingTo == null ? 0 : missingTo);
      sendFrom(member, ack, server);
      tally.acksSent++;
    }
    scheduleAck(member); // a gap stays open: asked again until it closes
  }

  /**
   * Sends again, every tick, what the senders' pending messages say the server has not confirmed.
   */
  private void resendUnconfirmed(long nowNs) {
    if (nowNs < nextResendNs) {
      return;
    }
    nextResendNs = nowNs + RESEND_TICK_NS;
    for (SimMember sender : senders) {
      if (sender.sending != null) {
        transmitDue(sender, nowNs);
      }
    }
  }
}
