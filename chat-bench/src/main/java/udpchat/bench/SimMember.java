package udpchat.bench;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import udpchat.time.RetransmitTimer;

/**
 * One simulated member: its own non-blocking UDP socket on loopback, and where it stands in the
 * room. Touched only by the {@link MemberPool}'s thread.
 */
final class SimMember {

  enum State {
    IDLE,
    JOINING,
    JOINED
  }

  final int index;
  final DatagramChannel channel;
  final InetSocketAddress address;
  final String name;
  final String clientId;

  State state = State.IDLE;
  String session;

  /** The cookie of the server's last retry, sent with every join (null before the first). */
  String cookie;

  byte[] sessionBytes;

  /** When the join is sent again if no welcome came. */
  long joinRetryNs;

  int joinAttempts;
  long pingDueNs;

  /** The last event of its stream shown in order (the welcome's start at first). */
  long shown;

  /** Events that came early, by their prev, until the gap before them is filled. */
  Map<Long, Held> held;

  long ackDueNs;
  boolean ackQueued;
  long lastAcked;

  /** An event it had shown came again: the next ack goes even if it says nothing new. */
  boolean ackAgain;

  /** For the raw reflector: the last sequence number received. */
  long lastRawSeq;

  /** Set when this member sends load. */
  Sending sending;

  SimMember(int index, DatagramChannel channel, InetSocketAddress address, String clientId) {
    this.index = index;
    this.channel = channel;
    this.address = address;
    this.name = "m" + index;
    this.clientId = clientId;
  }

  void welcome(String token, long start) {
    state = State.JOINED;
    session = token;
    sessionBytes = token.getBytes(StandardCharsets.US_ASCII);
    shown = start;
    lastAcked = start;
    held = null;
  }

  /** Forgets the room (a new run, or the server forgot this member). */
  void reset() {
    state = State.IDLE;
    session = null;
    sessionBytes = null;
    held = null;
    ackQueued = false;
    joinAttempts = 0;
    lastRawSeq = 0;
    shown = 0;
    lastAcked = 0;
    sending = null;
  }

  /** The first event it holds beyond a gap, less one: the ack's missingTo; 0 when none. */
  long missingTo() {
    if (held == null || held.isEmpty()) {
      return 0;
    }
    long lowest = Long.MAX_VALUE;
    for (long prev : held.keySet()) {
      lowest = Math.min(lowest, prev);
    }
    return lowest;
  }

  /** A sender's state: its message numbers and what is in flight. */
  static final class Sending {
    /** The next message number (the protocol's {@code n}, from 1). */
    long next = 1;

    /** The highest of its own messages it has received back in its stream. */
    long ownReceived;

    /** The highest number the server confirmed with {@code posted}. */
    long posted;

    long lastProgressNs;

    /** When the next message is due, with a rate. */
    long dueNs;

    /** The messages sent and not yet confirmed, oldest first, for resending. */
    final ArrayDeque<InFlight> unconfirmed = new ArrayDeque<>();

    /** When to send again, from the round trips to {@code posted}, as the Java client does. */
    final RetransmitTimer timer = RetransmitTimer.forMessages();

    long inFlight() {
      return next - 1 - ownReceived;
    }
  }

  /** An event that came before the one it follows: what is needed to count it later. */
  record Held(long seq, long sentNs, int sender, long number, int bytes) {}

  /**
   * A message on its way: its bytes, and when it is sent again if the server does not confirm it.
   */
  static final class InFlight {
    final long number;
    final ByteBuffer datagram;
    long sentNs;
    long resendAtNs;
    int sends = 1;

    /** Timeouts in a row since the sender's last measured round trip: the backoff. */
    int timeouts;

    /** Whether its {@code posted} would measure the round trip of its one send. */
    boolean measurable = true;

    InFlight(long number, ByteBuffer datagram, long sentNs, long resendAtNs) {
      this.number = number;
      this.datagram = datagram;
      this.sentNs = sentNs;
      this.resendAtNs = resendAtNs;
    }
  }
}
