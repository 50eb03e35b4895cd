package udpchat.bench.load;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Which members join, and when each join is sent again: at most {@code window} joins on their way
 * at once (a thousand members joining in the same millisecond would measure the server's receive
 * buffer, not the room), at most {@value #STARTS_PER_S} started a second, and a join not answered
 * is sent again 1, 2 and 4 s later, then every 5 s, as the Java client does.
 *
 * <p>The rate is for protocol 3: a member's first join is a handshake, three X25519 operations at
 * each end (about 0.5 ms of the server's CPU warm on this machine, several ms while its JIT warms
 * up and on a busy machine), done on the server's receiving thread and on the members' one thread,
 * which also serve the joined members' pings. Measured at 10,000 members (PERFORMANCE.md, the cost
 * of sealing): 200 a second did better than 500 in one run each (71 false expiries against 4,318),
 * though neither let all 10,000 join: the server's sending thread, sealing the join storm's
 * notices, fell behind.
 */
final class JoinSchedule {

  static final long JOIN_RETRY_NS = 1_000_000_000L;

  static final long MAX_JOIN_RETRY_NS = 5_000_000_000L;

  /** New joins started a second: 10,000 members join in 50 s at best. */
  static final int STARTS_PER_S = 200;

  private static final long START_GAP_NS = 1_000_000_000L / STARTS_PER_S;

  /** Starts a turn may make at once, at the beginning or after it came late. */
  static final int START_BURST = 4;

  private final int window;
  private final ArrayDeque<SimMember> toJoin = new ArrayDeque<>();
  private final PriorityQueue<SimMember> retries =
      new PriorityQueue<>(Comparator.comparingLong(member -> member.joinRetryNs));
  private int joining;
  private long nextStartNs = Long.MIN_VALUE;

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

  /** The next member to start joining at {@code nowNs}, if a join may be on its way; or null. */
  SimMember nextToStart(long nowNs) {
    if (joining >= window || toJoin.isEmpty() || nowNs < nextStartNs) {
      return null;
    }
    // The rate holds on average: a loop that came late starts the members it owes at once.
    nextStartNs = Math.max(nextStartNs, nowNs - START_GAP_NS * (START_BURST - 1)) + START_GAP_NS;
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
