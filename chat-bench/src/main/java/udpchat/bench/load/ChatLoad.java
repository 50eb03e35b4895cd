package udpchat.bench.load;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import udpchat.bench.wire.AckWriter;
import udpchat.bench.wire.BatchItems;
import udpchat.bench.wire.Inbound;
import udpchat.protocol.Join;
import udpchat.protocol.Notice;
import udpchat.protocol.Ping;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;
import udpchat.stream.Arrivals;
import udpchat.stream.PendingMessages;

/**
 * The members as real clients of the chat server: each joins with its own client id and waits for
 * its welcome (retrying as the Java client does), pings every {@code heartbeatMs}, and runs the
 * client's own stream core from common ({@code udpchat.stream}). Its {@link Arrivals} put the
 * room's events in order, tell copies apart and say when to ack and what is missing (PROTOCOL.md
 * §8, §9.3); the ack goes on the member's own 10 ms timer tick. A sender's {@link PendingMessages}
 * number its messages and send again what the server has not confirmed with {@code posted}, timed
 * by the measured round trips, as the client's session drives them. Every datagram goes through the
 * member's link ({@link MemberLinks}): sealed under a session of protocol 3 of its own.
 */
public final class ChatLoad extends Load {

  /** The client's timers tick every 10 ms; resends are decided as often. */
  static final long RESEND_TICK_NS = AckSchedule.TICK_NS;

  private final InetSocketAddress server;
  private final Codec codec = new Codec();
  private final Inbound inbound = new Inbound(codec);
  private final BatchItems batchItems = new BatchItems();
  private final AckWriter acks = new AckWriter();
  private final AckSchedule ackSchedule = new AckSchedule();
  private final JoinSchedule joins;
  private final MemberLinks links;
  private final ChatSenders sending;

  /** What the event being read counts once shown; kept (copied) only if it must wait. */
  private final Received received = new Received();

  /** The numbers of the expiry notices member 0 counted. */
  private final Set<Long> expiryNoticesSeen = new HashSet<>();

  private final ArrayDeque<SimMember> pings = new ArrayDeque<>(); // all due at the same interval
  private long heartbeatNs = 5_000_000_000L;
  private long pingId;

  /**
   * @param joinWindow joins on their way at once: a thousand members joining in the same
   *     millisecond would measure the server's receive buffer, not the room
   */
  public ChatLoad(
      List<SimMember> members,
      InetSocketAddress server,
      int senders,
      double ratePerS,
      int window,
      int size,
      int joinWindow) {
    super(members, senders, ratePerS, window, size);
    this.server = server;
    this.joins = new JoinSchedule(joinWindow);
    this.links = new MemberLinks((from, datagram) -> sendFrom(from, datagram, server), tally);
    this.sending = new ChatSenders(codec, tally, links::send);
  }

  /** Every member starts to join, with a link of its own to this server. */
  public Void join() {
    joins.queue(members);
    links.open(members);
    return null;
  }

  /** The heartbeat interval the server asked for (known once a member is welcomed). */
  long heartbeatMs() {
    return heartbeatNs / 1_000_000L;
  }

  @Override
  public boolean reliable() {
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
    sending.add(sender, text, nowNs);
  }

  /** The stream core's clock: milliseconds of the same monotonic time. */
  static long ms(long nowNs) {
    return Math.floorDiv(nowNs, 1_000_000L);
  }

  /** A datagram of the server's: opened by the member's link first, read only if it opened. */
  @Override
  public void onDatagram(SimMember member, byte[] datagram, int length, long nowNs) {
    byte[] bytes = links.receive(member, datagram, length, nowNs);
    if (bytes == null) {
      return; // the handshake's, or refused (counted)
    }
    if (BatchItems.isBatch(bytes, bytes.length)) {
      // Each event of a batch (PROTOCOL.md section 14) is read as if it had come alone.
      batchItems.forEach(
          bytes,
          bytes.length,
          (item, itemLength) ->
              onServerMessage(
                  member, inbound.read(item, itemLength, member.index == 0), itemLength, nowNs));
      tally.batches++;
    } else {
      // Its size on the wire, sealed: what the kernel and the server carried.
      onServerMessage(member, inbound.read(bytes, bytes.length, member.index == 0), length, nowNs);
    }
  }

  /** Every decoded server message goes through here. */
  void onServerMessage(SimMember member, Inbound message, int bytes, long nowNs) {
    switch (message.kind) {
      case EVENT, LOST -> onEvent(member, message, bytes, nowNs);
      case OTHER -> message.message.dispatch(new ServerReplies(this, member, nowNs));
      case INVALID -> tally.invalid++;
    }
  }

  private void onEvent(SimMember member, Inbound event, int bytes, long nowNs) {
    if (member.state != SimMember.State.JOINED) {
      return; // before the welcome: the client drops it, and it is sent again
    }
    Arrivals<Received> arrivals = member.arrivals;
    if (event.notice != null && event.seq > arrivals.shown()) {
      countExpiries(event.notice); // member 0's, decoded in full
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
    ackSchedule.schedule(member);
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

  /** The member's welcome: joined, unless it came for a join no longer on its way. */
  void welcomed(SimMember member, Welcome welcome, long nowNs) {
    if (member.state != SimMember.State.JOINING) {
      return;
    }
    member.welcome(welcome.session(), welcome.start());
    joins.welcomed();
    tally.joined++;
    heartbeatNs = welcome.heartbeatMs() * 1_000_000L;
    member.pingDueNs = nowNs + heartbeatNs;
    pings.add(member);
    if (member.sending != null) {
      sending.rejoined(member, nowNs);
    }
  }

  /**
   * The server's retry: join with this cookie (address validation), at once while joining; a member
   * the server no longer knows (it expired it, or restarted) joins again, as the client does.
   */
  void retried(SimMember member, String cookie, long nowNs) {
    member.cookie = cookie;
    if (member.state == SimMember.State.JOINING) {
      sendJoin(member, member.arrivals.shown() > 0 ? member.arrivals.shown() : -1, nowNs);
    } else if (member.state == SimMember.State.JOINED) {
      tally.forgotten++;
      rejoin(member, nowNs);
    }
  }

  /** The server posted the sender's message {@code n}. */
  void posted(SimMember sender, long n, long nowNs) {
    sending.posted(sender, n, nowNs);
  }

  /**
   * The expiries of simulated members in a numbered notice member 0 got, each event once (a copy
   * sent again is not counted twice): one notice may name several, a burst of expiries.
   */
  private void countExpiries(Notice notice) {
    if (notice.kind() == Notice.Kind.EXPIRED && expiryNoticesSeen.add(notice.seq())) {
      tally.expiredSeen += notice.members().stream().filter(n -> n.startsWith("m")).count();
    }
  }

  /** A joined member the server forgot joins again, from where its stream stands. */
  void rejoin(SimMember member, long nowNs) {
    if (member.state == SimMember.State.JOINED) {
      joins.rejoining(member);
      sendJoin(member, member.arrivals.shown(), nowNs);
    }
  }

  @Override
  public void onTick(long nowNs) {
    for (SimMember member = joins.nextToStart(nowNs);
        member != null;
        member = joins.nextToStart(nowNs)) {
      sendJoin(member, -1, nowNs);
    }
    for (SimMember member = joins.nextRetryDue(nowNs);
        member != null;
        member = joins.nextRetryDue(nowNs)) {
      if (member.state == SimMember.State.JOINING) {
        sendJoin(member, member.arrivals.shown() > 0 ? member.arrivals.shown() : -1, nowNs);
      }
    }
    for (SimMember member = pings.peek();
        member != null && member.pingDueNs <= nowNs;
        member = pings.peek()) {
      pings.poll();
      if (member.state == SimMember.State.JOINED) {
        links.send(member, codec.encode(new Ping(member.session, ++pingId)), nowNs);
        tally.pingsSent++;
        member.pingDueNs = Math.max(member.pingDueNs + heartbeatNs, nowNs);
        pings.add(member);
      }
    }
    for (SimMember member = ackSchedule.nextDue(nowNs);
        member != null;
        member = ackSchedule.nextDue(nowNs)) {
      sendAck(member, nowNs);
    }
    pace(nowNs);
    sending.resendDue(senders, nowNs);
    links.tick(members, nowNs);
  }

  private void sendJoin(SimMember member, long since, long nowNs) {
    long next = member.sending == null ? 1 : member.sending.pending.lowestUnsettled();
    Join join =
        new Join(member.name, member.clientId, next, since >= 0 ? since : null)
            .withCookie(member.cookie);
    joins.sent(member, nowNs);
    tally.joinsSent++;
    links.send(member, codec.encode(join), nowNs);
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
      links.send(member, ack, nowNs);
      tally.acksSent++;
    }
    ackSchedule.schedule(member); // a gap stays open: asked again until it closes
  }
}
