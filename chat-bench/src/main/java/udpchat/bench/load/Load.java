package udpchat.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import udpchat.bench.measure.Tally;
import udpchat.bench.wire.Stamp;

/**
 * The load the chosen senders offer, common to the chat protocol and the raw reflector: either a
 * fixed rate (messages per second, shared by the senders) or a closed loop, where each sender keeps
 * {@code window} messages on their way and sends the next when one of its own comes back to it. The
 * closed loop finds what the room accepts without loss by itself: it sends exactly as fast as
 * messages come through (the last in flight is at most {@code window} messages behind), so it
 * measures capacity without a search, and a queue that overflows shows as loss, not as speed.
 */
public abstract class Load implements MemberPool.Driver {

  /** Give up on messages of a raw (unreliable) run that have not come back for this long. */
  private static final long RAW_STALL_NS = 200_000_000L;

  /**
   * Messages sent at once by a rate run that fell behind (the members' thread was kept busy): it
   * catches up, so the offered rate is the one asked, in bursts no larger than this.
   */
  private static final int MAX_BURST = 256;

  public final List<SimMember> members;
  final List<SimMember> senders;
  public final Tally tally = new Tally();
  private final int size;
  final int window;
  private final double ratePerS;
  private boolean sending;

  /**
   * @param ratePerS messages per second for all the senders together, or 0 for the closed loop
   * @param window messages on their way per sender (in the closed loop; with a rate, the chat
   *     sender's limit of unconfirmed ones)
   * @param size the bytes of each message's text
   */
  public Load(List<SimMember> members, int senders, double ratePerS, int window, int size) {
    this.members = members;
    this.senders = members.subList(0, Math.min(senders, members.size()));
    this.ratePerS = ratePerS;
    this.window = window;
    this.size = size;
  }

  /** Sends one message's datagram (first send). */
  abstract void send(SimMember sender, long number, String text, long nowNs);

  /** Whether a message lost on its way is sent again (the protocol) or given up (raw). */
  public abstract boolean reliable();

  /** Starts the senders; messages sent in [fromNs, toNs) are the ones measured. */
  public Void startSending(long nowNs, long fromNs, long toNs) {
    tally.measureFromNs = fromNs;
    tally.measureToNs = toNs;
    long intervalNs = intervalNs();
    for (int i = 0; i < senders.size(); i++) {
      SimMember sender = senders.get(i);
      if (sender.sending == null) {
        sender.sending = new SimMember.Sending();
      }
      sender.sending.dueNs = nowNs + intervalNs * i / senders.size(); // staggered
      sender.sending.lastProgressNs = nowNs;
    }
    sending = true;
    return null;
  }

  public Void stopSending() {
    sending = false;
    return null;
  }

  private long intervalNs() {
    return ratePerS > 0 ? (long) (1e9 * senders.size() / ratePerS) : 0;
  }

  /** The senders' turn: messages due by the rate, or room in the window. */
  void pace(long nowNs) {
    if (!sending) {
      return;
    }
    long intervalNs = intervalNs();
    for (SimMember sender : senders) {
      SimMember.Sending state = sender.sending;
      if (state == null || !canSend(sender)) {
        continue;
      }
      if (intervalNs > 0) {
        for (int burst = 0; state.dueNs <= nowNs && burst < MAX_BURST; burst++) {
          sendNext(sender, nowNs);
          state.dueNs += intervalNs;
        }
      } else {
        if (!reliable()
            && state.inFlight() >= window
            && nowNs - state.lastProgressNs > RAW_STALL_NS) {
          state.ownReceived = state.next - 1; // lost on the way: the receivers count it
          state.lastProgressNs = nowNs;
        }
        topUp(sender, nowNs);
      }
    }
  }

  /**
   * Whether a message due by the rate is sent, or refused as a client refuses what it cannot have
   * on its way (asked only with a rate: the closed loop's window decides by itself).
   */
  boolean admits(SimMember sender) {
    return true;
  }

  /** Whether this member may send now (a chat member must have joined). */
  boolean canSend(SimMember sender) {
    return true;
  }

  private void topUp(SimMember sender, long nowNs) {
    while (sender.sending.inFlight() < window) {
      sendNext(sender, nowNs);
    }
  }

  private void sendNext(SimMember sender, long nowNs) {
    boolean measured = tally.inWindow(nowNs);
    if (measured) {
      tally.offered++;
    }
    if (intervalNs() > 0 && !admits(sender)) {
      if (measured) {
        tally.refused++;
      }
      return;
    }
    long number = sender.sending.next++;
    if (measured) {
      tally.sent++;
    }
    send(sender, number, Stamp.text(nowNs, sender.index, number, size), nowNs);
  }

  /** A message came back to its own sender: in the closed loop, room for the next. */
  void onOwnCopy(SimMember sender, long number, long nowNs) {
    SimMember.Sending state = sender.sending;
    if (state == null || number <= state.ownReceived) {
      return;
    }
    state.ownReceived = number;
    state.lastProgressNs = nowNs;
    if (sending && intervalNs() == 0) {
      topUp(sender, nowNs);
    }
  }

  /** Sends from the member's socket; a send the kernel refuses at once is counted. */
  void sendFrom(SimMember member, ByteBuffer datagram, InetSocketAddress to) {
    try {
      if (member.channel.send(datagram, to) == 0) {
        tally.sendsRefused++;
      }
    } catch (IOException e) {
      tally.sendsRefused++;
    }
  }
}
