package udpchat.bench.load;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Which members join, and when each join is sent again: at most {@code window} joins on their way
 * at once (a thousand members joining in the same millisecond would measure the server's receive
 * buffer, not the room), and a join not answered is sent again 1, 2 and 4 s later, then every 5 s,
 * as the Java client does.
 */
final class JoinSchedule {

  static final long JOIN_RETRY_NS = 1_000_000_000L;

  static final long MAX_JOIN_RETRY_NS = 5_000_000_000L;

  private final int window;
  private final ArrayDeque<SimMember> toJoin = new ArrayDeque<>();
  private final PriorityQueue<SimMember> retries =
      new PriorityQueue<>(Comparator.comparingLong(member -> member.joinRetryNs));
  private int joining;

  JoinSchedule(int window) {
    this.window = window;
  }

  /** Every member of {@code members} is to join, from the start. */
  void queue(List<SimMember> members) {
    for (SimMember member : members) {
      member.reset();
      toJoin.add(member);
    }
  }

  /** The next member to start joining, now that a join may be on its way; or {@code null}. */
  SimMember nextToStart() {
    if (joining >= window || toJoin.isEmpty()) {
      return null;
    }
    SimMember member = toJoin.poll();
    member.state = SimMember.State.JOINING;
    joining++;
    return member;
  }

  /** A joined member the server forgot joins again. */
  void rejoining(SimMember member) {
    member.state = SimMember.State.JOINING;
    member.joinAttempts = 0;
    joining++;
    retries.remove(member); // its due time changes when its join is sent
  }

  /** The member's join was sent at {@code nowNs}: when to send it again. */
  void sent(SimMember member, long nowNs) {
    member.joinRetryNs =
        nowNs + Math.min(JOIN_RETRY_NS << Math.min(member.joinAttempts, 3), MAX_JOIN_RETRY_NS);
    member.joinAttempts++;
    retries.add(member);
  }

  /** A member was welcomed: room for another join. */
  void welcomed() {
    joining--;
  }

  /** The next member whose join is due again at {@code nowNs}, taken off the queue; or null. */
  SimMember nextRetryDue(long nowNs) {
    SimMember member = retries.peek();
    if (member == null || member.joinRetryNs > nowNs) {
      return null;
    }
    return retries.poll();
  }
}
