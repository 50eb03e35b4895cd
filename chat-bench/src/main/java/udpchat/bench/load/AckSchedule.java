package udpchat.bench.load;

import java.util.Comparator;
import java.util.PriorityQueue;
import udpchat.stream.Arrivals;

/**
 * When each member sends its ack: on its first timer tick once its {@link Arrivals} say one is due.
 * The client sends its acks from a timer that ticks every 10 ms, each client at a phase of its own:
 * an ack due now waits up to 10 ms, and a room's members ack a broadcast at instants spread over 10
 * ms. Without this every simulated member acked at the same microsecond, 100 acks in one burst at
 * the server every 50 ms, a load no room of real clients makes (the latency tail's study in
 * PERFORMANCE.md).
 */
final class AckSchedule {

  /** The client's timers tick every 10 ms. */
  static final long TICK_NS = 10_000_000L;

  private final PriorityQueue<SimMember> due =
      new PriorityQueue<>(Comparator.comparingLong(member -> member.ackDueNs));

  /** The member's first timer tick at or after {@code dueNs}. */
  static long onTick(SimMember member, long dueNs) {
    long phaseNs = Math.floorMod(member.index * 2_654_435_761L, TICK_NS); // spread evenly
    return dueNs + Math.floorMod(phaseNs - dueNs, TICK_NS);
  }

  /** Queues the member's ack for its first tick once its arrivals say one is due, if they do. */
  void schedule(SimMember member) {
    long dueMs = member.arrivals.ackDueAtMs();
    if (dueMs == Arrivals.NEVER) {
      return;
    }
    long dueNs = onTick(member, dueMs * 1_000_000L);
    if (!member.ackQueued) {
      member.ackQueued = true;
      member.ackDueNs = dueNs;
      due.add(member);
    } else if (member.ackDueNs > dueNs) {
      due.remove(member); // its due time changes below
      member.ackDueNs = dueNs;
      due.add(member);
    }
  }

  /** The next member whose ack is due at {@code nowNs}, taken off the queue; or {@code null}. */
  SimMember nextDue(long nowNs) {
    SimMember member = due.peek();
    if (member == null || member.ackDueNs > nowNs) {
      return null;
    }
    due.poll();
    member.ackQueued = false;
    return member;
  }
}
