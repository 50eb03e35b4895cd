package udpchat.stream;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import udpchat.time.RetransmitTimer;

/**
 * A member's own messages that the server has not acknowledged yet (the user's, in the client),
 * numbered 1, 2, 3... for the life of the member, and when to send each (again).
 *
 * <p>A message is sent when it is among the first {@link #WINDOW} unacknowledged ones (the server
 * holds that many that arrive ahead of their turn), then again after the retransmission timeout
 * ({@link RetransmitTimer#forMessages}: 250 ms until the first round trip is measured, then what
 * the round trips say, 30 ms at least), doubled for each timeout in a row of the same message up to
 * 1 s, until the server answers it or {@link #GIVE_UP_MS} pass. The number stays the same across
 * retries and rejoins, so the server posts each message once.
 *
 * <p>Round trips are measured from a message's send to its {@code posted}, and only where the
 * answer can be to nothing but that send: the message was sent once (Karn's rule), and no earlier
 * message was sent again while it was on its way, since the server posts in order and would have
 * held it until that copy came. A measured round trip starts every message's backoff over.
 *
 * <p>Time is an argument; one thread owns an instance (the client's session, a simulated sender of
 * the load generator).
 */
public final class PendingMessages {

  public static final int WINDOW = 32;

  /** A message sent this recently is not sent again early: its answer may be on the way. */
  public static final long MIN_RESEND_GAP_MS = 50;

  public static final long GIVE_UP_MS = 60_000;

  /** At most this many messages wait at once; more are refused at the keyboard. */
  public static final int CAPACITY = 100;

  /** A message of the user's: to the room, an action, or private when {@code to} is set. */
  public record Message(long n, String to, String text, boolean action, long typedMs) {}

  private static final class Pending {
    final Message message;
    long sendAtMs;
    long sentMs = Long.MIN_VALUE / 2;
    int sends;

    /** Timeouts in a row without an answer since the last measured round trip: the backoff. */
    int timeouts;

    /** Whether {@link #sendAtMs} is the timeout's (not a hurry's or a rejoin's). */
    boolean timed;

    /** Whether its answer would measure the round trip of its one send. */
    boolean measurable = true;

    Pending(Message message, long sendAtMs) {
      this.message = message;
      this.sendAtMs = sendAtMs;
    }
  }

  private final TreeMap<Long, Pending> byN = new TreeMap<>();
  private final RetransmitTimer timer;
  private long nextN = 1;
  private long retransmissions;

  public PendingMessages() {
    this(RetransmitTimer.forMessages());
  }

  public PendingMessages(RetransmitTimer timer) {
    this.timer = timer;
  }

  public boolean full() {
    return byN.size() >= CAPACITY;
  }

  public boolean isEmpty() {
    return byN.isEmpty();
  }

  public int size() {
    return byN.size();
  }

  /** Numbers a new message; it is due to be sent at once. */
  public Message add(String to, String text, boolean action, long nowMs) {
    Message message = new Message(nextN++, to, text, action, nowMs);
    byN.put(message.n(), new Pending(message, nowMs));
    return message;
  }

  /** The lowest number not acknowledged yet: where the server's count of ours must start. */
  public long lowestUnsettled() {
    return byN.isEmpty() ? nextN : byN.firstKey();
  }

  /** The messages to send at {@code nowMs}: new ones and retries, within the window. */
  public List<Message> due(long nowMs) {
    List<Message> due = new ArrayList<>();
    int inWindow = 0;
    boolean resentEarlier = false;
    for (Pending pending : byN.values()) {
      if (inWindow++ == WINDOW) {
        break;
      }
      if (nowMs >= pending.sendAtMs) {
        due.add(pending.message);
        if (pending.sends++ > 0) {
          retransmissions++;
          pending.measurable = false;
          resentEarlier = true;
          if (pending.timed) {
            pending.timeouts++;
          }
        }
        pending.sentMs = nowMs;
        pending.sendAtMs = nowMs + timeoutMs(pending.timeouts);
        pending.timed = true;
      } else if (resentEarlier && pending.sends > 0) {
        // On its way behind a message sent again: the server may hold it until that copy comes.
        pending.measurable = false;
      }
    }
    return due;
  }

  private long timeoutMs(int timeouts) {
    return (timer.timeoutNs(timeouts) + 999_999) / 1_000_000;
  }

  /** After a (re)join: everything is due at once, with the backoff started over. */
  public void resendAll(long nowMs) {
    for (Pending pending : byN.values()) {
      pending.sendAtMs = nowMs;
      pending.timeouts = 0;
      pending.timed = false;
    }
  }

  /** The messages before {@code n} that were sent are due again now (but not twice at once). */
  public void hurryBefore(long n, long nowMs) {
    for (Pending pending : byN.headMap(n).values()) {
      long hurriedMs = pending.sentMs + MIN_RESEND_GAP_MS;
      if (pending.sends > 0 && hurriedMs < pending.sendAtMs) {
        pending.sendAtMs = hurriedMs;
        pending.timed = false; // the answer was lost, not the message: no reason to back off
      }
    }
  }

  /**
   * The server posted message {@code n} at {@code nowMs}: it is settled, and its round trip is
   * measured if it can be; the message, or null if it was not pending.
   */
  public Message posted(long n, long nowMs) {
    Pending pending = byN.remove(n);
    if (pending == null) {
      return null;
    }
    if (pending.sends == 1 && pending.measurable) {
      timer.onSample((nowMs - pending.sentMs) * 1_000_000);
      for (Pending other : byN.values()) {
        other.timeouts = 0; // the server answers: a message unanswered again was unlucky
      }
    }
    return pending.message;
  }

  /** The server refused message {@code n}: it is settled; the message, or null if it was not. */
  public Message settle(long n) {
    Pending pending = byN.remove(n);
    return pending == null ? null : pending.message;
  }

  /** The retransmission timeout for a message's first wait now, in milliseconds. */
  public long timeoutMs() {
    return timeoutMs(0);
  }

  /** The messages typed more than {@link #GIVE_UP_MS} ago: given up, and no longer pending. */
  public List<Message> giveUp(long nowMs) {
    List<Message> failed = new ArrayList<>();
    for (Iterator<Pending> it = byN.values().iterator(); it.hasNext(); ) {
      Pending pending = it.next();
      if (nowMs - pending.message.typedMs() >= GIVE_UP_MS) {
        failed.add(pending.message);
        it.remove();
      }
    }
    return failed;
  }

  /** How many sends were retries. */
  public long retransmissions() {
    return retransmissions;
  }
}
