package udpchat.client;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * The user's messages that the server has not acknowledged yet, numbered 1, 2, 3... for the life of
 * the client, and when to send each (again).
 *
 * <p>A message is sent when it is among the first {@link #WINDOW} unacknowledged ones (the server
 * holds that many that arrive ahead of their turn), then again after {@link #FIRST_RETRY_MS},
 * doubling up to {@link #MAX_RETRY_MS}, until the server answers it or {@link #GIVE_UP_MS} pass.
 * The number stays the same across retries and rejoins, so the server posts each message once.
 *
 * <p>Time is an argument; the {@link Session} holds the lock.
 */
final class PendingMessages {

  static final int WINDOW = 32;
  static final long FIRST_RETRY_MS = 250;

  /** A LAN has no congestion worth backing off further for, and a person is waiting. */
  static final long MAX_RETRY_MS = 1000;

  /** A message sent this recently is not sent again early: its answer may be on the way. */
  static final long MIN_RESEND_GAP_MS = 50;

  static final long GIVE_UP_MS = 60_000;

  /** At most this many messages wait at once; more are refused at the keyboard. */
  static final int CAPACITY = 100;

  /** A message of the user's: to the room, an action, or private when {@code to} is set. */
  record Message(long n, String to, String text, boolean action, long typedMs) {}

  private static final class Pending {
    final Message message;
    long sendAtMs;
    long sentMs = Long.MIN_VALUE / 2;
    long retryMs = FIRST_RETRY_MS;
    int sends;

    Pending(Message message, long sendAtMs) {
      this.message = message;
      this.sendAtMs = sendAtMs;
    }
  }

  private final TreeMap<Long, Pending> byN = new TreeMap<>();
  private long nextN = 1;
  private long retransmissions;

  boolean full() {
    return byN.size() >= CAPACITY;
  }

  boolean isEmpty() {
    return byN.isEmpty();
  }

  int size() {
    return byN.size();
  }

  /** Numbers a new message; it is due to be sent at once. */
  Message add(String to, String text, boolean action, long nowMs) {
    Message message = new Message(nextN++, to, text, action, nowMs);
    byN.put(message.n(), new Pending(message, nowMs));
    return message;
  }

  /** The lowest number not acknowledged yet: where the server's count of ours must start. */
  long lowestUnsettled() {
    return byN.isEmpty() ? nextN : byN.firstKey();
  }

  /** The messages to send at {@code nowMs}: new ones and retries, within the window. */
  List<Message> due(long nowMs) {
    List<Message> due = new ArrayList<>();
    int inWindow = 0;
    for (Pending pending : byN.values()) {
      if (inWindow++ == WINDOW) {
        break;
      }
      if (nowMs >= pending.sendAtMs) {
        due.add(pending.message);
        pending.sentMs = nowMs;
        if (pending.sends++ > 0) {
          retransmissions++;
        }
        pending.sendAtMs = nowMs + pending.retryMs;
        pending.retryMs = Math.min(pending.retryMs * 2, MAX_RETRY_MS);
      }
    }
    return due;
  }

  /** After a (re)join: everything is due at once, with the backoff started over. */
  void resendAll(long nowMs) {
    for (Pending pending : byN.values()) {
      pending.sendAtMs = nowMs;
      pending.retryMs = FIRST_RETRY_MS;
    }
  }

  /** The messages before {@code n} that were sent are due again now (but not twice at once). */
  void hurryBefore(long n, long nowMs) {
    for (Pending pending : byN.headMap(n).values()) {
      if (pending.sends > 0) {
        pending.sendAtMs = Math.min(pending.sendAtMs, pending.sentMs + MIN_RESEND_GAP_MS);
      }
    }
  }

  /** The server answered message {@code n}: it is settled; the message, or null if it was not. */
  Message settle(long n) {
    Pending pending = byN.remove(n);
    return pending == null ? null : pending.message;
  }

  /** The messages typed more than {@link #GIVE_UP_MS} ago: given up, and no longer pending. */
  List<Message> giveUp(long nowMs) {
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
  long retransmissions() {
    return retransmissions;
  }
}
