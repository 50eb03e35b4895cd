package udpchat.bench.load;

import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import udpchat.secure.link.Initiator;
import udpchat.stream.Arrivals;
import udpchat.stream.PendingMessages;
import udpchat.time.RetransmitTimer;

/**
 * One simulated member: its own non-blocking UDP socket on loopback, and where it stands in the
 * room. Touched only by the {@link MemberPool}'s thread.
 */
public final class SimMember {

  public enum State {
    IDLE,
    JOINING,
    JOINED
  }

  final int index;
  final DatagramChannel channel;
  public final InetSocketAddress address;
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

  /**
   * Its stream of room events: order, copies, when to ack; the client's core ({@link Arrivals}).
   */
  Arrivals<Received> arrivals = new Arrivals<>(Received::copy);

  /** When its ack is queued in the load's ack timers, and whether it is. */
  long ackDueNs;

  boolean ackQueued;

  /** For the raw reflector: the last sequence number received. */
  long lastRawSeq;

  /** Its end of the link to the server of this run (null against the reflector). */
  Initiator link;

  /** Set when this member sends load. */
  Sending sending;

  public SimMember(int index, DatagramChannel channel, InetSocketAddress address, String clientId) {
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
    arrivals.reset(start);
  }

  /** Forgets the room (a new run, or the server forgot this member). */
  void reset() {
    state = State.IDLE;
    session = null;
    sessionBytes = null;
    arrivals = new Arrivals<>(Received::copy);
    ackQueued = false;
    joinAttempts = 0;
    lastRawSeq = 0;
    sending = null;
    link = null;
  }

  /**
   * A sender's state: its message numbers, its pace, and (against the server) what is unconfirmed.
   */
  public static final class Sending {
    /**
     * The next message number in its stamps, from 1: against the server, the same as the {@code n}
     * its {@link #pending} gives, since each message is numbered by both once.
     */
    long next = 1;

    /** The highest of its own messages it has received back in its stream. */
    long ownReceived;

    long lastProgressNs;

    /** When the next message is due, with a rate. */
    long dueNs;

    /** When to send again, from the round trips to {@code posted}, as the Java client does. */
    final RetransmitTimer timer = RetransmitTimer.forMessages();

    /** Its chat messages not yet confirmed by {@code posted}: the client's core. */
    final PendingMessages pending = new PendingMessages(timer);

    long inFlight() {
      return next - 1 - ownReceived;
    }
  }
}
