package udpchat.client.session.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import udpchat.protocol.ServerMessage;

/**
 * One {@code /history} request and its answer, which comes as separate datagrams that may be lost:
 * they are gathered by number, shown in order once all have come, and the request is sent again
 * (same id) every {@link #RETRY_MS} until then, {@link #TRIES} times at most; after that what came
 * is shown, with a word on what did not.
 *
 * <p>Time is an argument; the session's thread owns it ({@code SessionAgent}).
 */
public final class HistoryRecall {

  public static final long RETRY_MS = 1000;
  public static final int TRIES = 3;

  private final long id;
  private final int count;
  private final TreeMap<Long, ServerMessage> bySeq = new TreeMap<>();
  private int expected = -1;
  private long sentMs;
  private int tries;

  public HistoryRecall(long id, int count, long nowMs) {
    this.id = id;
    this.count = count;
    this.sentMs = nowMs;
    this.tries = 1;
  }

  public long id() {
    return id;
  }

  public int count() {
    return count;
  }

  /**
   * Takes one event of the answer; true when the answer is complete. The server's count of the
   * answer is trusted no further than what was asked: a larger one would wait for events that never
   * come, and keep more than the user wanted.
   */
  public boolean offer(long seq, int of, ServerMessage message) {
    expected = Math.max(0, Math.min(of, count));
    if (bySeq.size() >= count && !bySeq.containsKey(seq)) {
      return complete(); // more than asked for: not kept
    }
    bySeq.putIfAbsent(seq, message);
    return complete();
  }

  public boolean complete() {
    return expected >= 0 && bySeq.size() >= expected;
  }

  /** Whether to send the request again at {@code nowMs}. */
  public boolean retryDue(long nowMs) {
    if (complete() || tries >= TRIES || nowMs - sentMs < RETRY_MS) {
      return false;
    }
    tries++;
    sentMs = nowMs;
    return true;
  }

  /** Whether to stop waiting: the last try went unanswered in full for {@link #RETRY_MS}. */
  public boolean givenUp(long nowMs) {
    return !complete() && tries >= TRIES && nowMs - sentMs >= RETRY_MS;
  }

  /** The events that came, in the room's order. */
  public List<ServerMessage> events() {
    return new ArrayList<>(bySeq.values());
  }

  /** How many the answer has, or -1 when nothing came. */
  public int expected() {
    return expected;
  }
}
