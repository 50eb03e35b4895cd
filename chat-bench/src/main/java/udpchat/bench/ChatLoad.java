package udpchat.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
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
import udpchat.time.RetransmitTimer;

/**
 * The members as real clients of the chat server: each joins with its own client id and waits for
 * its welcome (retrying as the Java client does), pings every {@code heartbeatMs}, takes its stream
 * of room events in order (holding back what comes early, counting duplicates) and acknowledges it
 * cumulatively 50 ms after events arrive, with {@code missingTo} while a gap is open and again
 * every 200 ms until it closes (PROTOCOL.md §8, §9.3), each on the member's own 10 ms timer tick.
 * Senders number their messages and send again what the server has not confirmed with {@code
 * posted} after the retransmission timeout, measured from the round trips to {@code posted} as the
 * Java client does ({@link RetransmitTimer}).
 */
final class ChatLoad extends Load {

  static final long ACK_DELAY_NS = 50_000_000L;
  static final long GAP_ACK_INTERVAL_NS = 200_000_000L;

  /** The client's timers tick every 10 ms; resends are decided as often. */
  static final long RESEND_TICK_NS = 10_000_000L;

  /** The join is sent again 1, 2 and 4 s later, then every 5 s, as the Java client does. */
  static final long JOIN_RETRY_NS = 1_000_000_000L;

  static final long MAX_JOIN_RETRY_NS = 5_000_000_000L;

  /** Messages sent again per sender per turn at most, so a resend never floods the server. */
  private static final int RESEND_BURST = 32;

  private final InetSocketAddress server;
  private final Codec codec = new Codec();
  private final Inbound inbound = new Inbound(codec);
  private final byte[] item = new byte[Limits.MAX_DATAGRAM_BYTES];
  private static final byte[] BATCH_PREFIX = Batch.PREFIX.getBytes(StandardCharsets.US_ASCII);
  private final AckWriter acks = new AckWriter();

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
    SimMember.Sending state = sender.sending;
    while (!state.unconfirmed.isEmpty() && state.unconfirmed.peek().number <= state.posted) {
      state.unconfirmed.poll();
    }
    return state.unconfirmed.size() < window;
  }

  @Override
  boolean canSend(SimMember sender) {
    return sender.state == SimMember.State.JOINED;
  }

  @Override
  void send(SimMember sender, long number, String text, long nowNs) {
    ByteBuffer datagram =
        ByteBuffer.wrap(codec.encode(new Say(sender.session, number, text, false)));
    SimMember.Sending state = sender.sending;
    state.unconfirmed.add(
        new SimMember.InFlight(number, datagram, nowNs, nowNs + state.timer.timeoutNs()));
    sendFrom(sender, datagram.duplicate(), server);
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
      case EVENT -> onEvent(member, message, bytes, nowNs);
      case LOST -> onLost(member, message, nowNs);
      case OTHER -> onOther(member, message.message, nowNs);
      case INVALID -> tally.invalid++;
    }
  }

  private void onEvent(SimMember member, Inbound event, int bytes, long nowNs) {
    if (member.state != SimMember.State.JOINED) {
      return; // before the welcome: the client drops it, and it is sent again
    }
    if (event.message instanceof Notice notice && event.seq > member.shown) {
      countExpiries(notice); // member 0's, decoded in full
    }
    if (event.seq <= member.shown) {
      duplicate(event, bytes, nowNs);
      member.ackAgain = true; // sent again: our ack was lost, most likely (the client's rule)
    } else if (event.prev == member.shown) {
      boolean wasHolding = member.held != null && !member.held.isEmpty();
      show(member, event.seq, event.sentNs, event.sender, event.number, bytes, nowNs);
      showHeld(member, nowNs);
      if (wasHolding && member.missingTo() > 0) {
        ackNow(member, nowNs); // a filled gap shows the next: asked for at once, as the client does
        return;
      }
    } else if (event.prev > member.shown) {
      if (member.held == null) {
        member.held = new HashMap<>();
      }
      SimMember.Held early =
          new SimMember.Held(event.seq, event.sentNs, event.sender, event.number, bytes);
      if (member.held.putIfAbsent(event.prev, early) != null) {
        duplicate(event, bytes, nowNs);
      }
    }
    scheduleAck(member, nowNs);
  }

  private void duplicate(Inbound event, int bytes, long nowNs) {
    if (event.sentNs >= 0) {
      tally.onMessage(event.sentNs, nowNs, bytes, false);
    } else {
      tally.duplicates++;
    }
  }

  private void show(
      SimMember member, long seq, long sentNs, int sender, long number, int bytes, long nowNs) {
    member.shown = seq;
    if (sentNs < 0) {
      return; // a notice, or a message from no sender of ours
    }
    tally.onMessage(sentNs, nowNs, bytes, true);
    if (sender == member.index) {
      onOwnCopy(member, number, nowNs);
    }
  }

  private void showHeld(SimMember member, long nowNs) {
    if (member.held == null) {
      return;
    }
    for (SimMember.Held next = member.held.remove(member.shown);
        next != null;
        next = member.held.remove(member.shown)) {
      show(member, next.seq(), next.sentNs(), next.sender(), next.number(), next.bytes(), nowNs);
    }
  }

  private void onLost(SimMember member, Inbound lost, long nowNs) {
    if (member.state == SimMember.State.JOINED && lost.prev == member.shown) {
      tally.lostByServer += lost.seq - lost.prev;
      member.shown = lost.seq;
      showHeld(member, nowNs);
      scheduleAck(member, nowNs);
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
      }
    } else if (message instanceof Posted posted) {
      tally.posted++;
      if (member.sending != null) {
        onPosted(member.sending, posted.n(), nowNs);
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
        sendJoin(member, member.shown > 0 ? member.shown : -1, nowNs);
      } else if (member.state == SimMember.State.JOINED) {
        tally.forgotten++;
        rejoin(member, nowNs);
      }
    } else if (message instanceof ErrorReply) {
      tally.errors++;
    }
  }

  /**
   * The server posted message {@code n}, and so every one before it (it posts in order). Its round
   * trip is measured where the client would: sent once, and no earlier one sent again meanwhile.
   */
  private static void onPosted(SimMember.Sending state, long n, long nowNs) {
    state.posted = Math.max(state.posted, n);
    for (SimMember.InFlight message : state.unconfirmed) {
      if (message.number == n) {
        if (message.sends == 1 && message.measurable) {
          state.timer.onSample(nowNs - message.sentNs);
          state.unconfirmed.forEach(other -> other.timeouts = 0);
        }
        message.measurable = false; // a second posted (for a copy) measures nothing
        break;
      }
    }
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
      sendJoin(member, member.shown, nowNs);
    }
  }

  /**
   * An ack 50 ms after events arrive; as in the client, an arrival also brings forward the repeat
   * of an ack naming a gap (200 ms), so each gap repaired lets the next be named 50 ms later.
   */
  private void scheduleAck(SimMember member, long nowNs) {
    scheduleAckAt(member, nowNs + ACK_DELAY_NS);
  }

  private void ackNow(SimMember member, long nowNs) {
    scheduleAckAt(member, nowNs);
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

  private void scheduleAckAt(SimMember member, long requestedNs) {
    long dueNs = onTick(member, requestedNs);
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
        sendJoin(member, member.shown > 0 ? member.shown : -1, nowNs);
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
    long next = member.sending == null ? 1 : member.sending.posted + 1;
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
    long missingTo = member.missingTo();
    if (member.shown > member.lastAcked || missingTo > 0 || member.ackAgain) {
      sendFrom(member, acks.ack(member.sessionBytes, member.shown, missingTo), server);
      member.lastAcked = member.shown;
      member.ackAgain = false;
      tally.acksSent++;
    }
    if (missingTo > 0) {
      member.ackQueued = true; // a gap stays open: ask again until it closes
      member.ackDueNs = onTick(member, nowNs + GAP_ACK_INTERVAL_NS);
      ackDue.add(member);
    }
  }

  /** Sends again the messages the server has not confirmed in time, oldest first. */
  private void resendUnconfirmed(long nowNs) {
    if (nowNs < nextResendNs) {
      return;
    }
    nextResendNs = nowNs + RESEND_TICK_NS;
    for (SimMember sender : senders) {
      SimMember.Sending state = sender.sending;
      if (state == null) {
        continue;
      }
      while (!state.unconfirmed.isEmpty() && state.unconfirmed.peek().number <= state.posted) {
        state.unconfirmed.poll();
      }
      if (sender.state != SimMember.State.JOINED) {
        continue;
      }
      int resent = 0;
      for (SimMember.InFlight message : state.unconfirmed) {
        if (resent > 0) {
          message.measurable = false; // the server may hold it until the copy before it comes
        }
        if (resent < RESEND_BURST && message.resendAtNs <= nowNs && message.number > state.posted) {
          message.sends++;
          message.timeouts++;
          message.measurable = false;
          message.sentNs = nowNs;
          message.resendAtNs = nowNs + state.timer.timeoutNs(message.timeouts);
          sendFrom(sender, message.datagram.duplicate(), server);
          tally.resent++;
          resent++;
        }
      }
    }
  }
}
