package udpchat.bench;

import udpchat.bench.load.Load;
import udpchat.bench.load.MemberPool;

/** The waits of a run: for the joins to settle, for the last messages, for a moment in time. */
final class Waits {

  private Waits() {}

  /**
   * Waits until the joins' notices have been delivered and acknowledged: until the members receive
   * little more than their pongs (at most 10 s).
   */
  static void settle(MemberPool pool, int count) throws InterruptedException {
    long quiet = count / 4 + 20; // datagrams per 200 ms; pongs come at most count/5
    long last = pool.datagramsIn();
    for (int i = 0; i < 50; i++) {
      Thread.sleep(200);
      long now = pool.datagramsIn();
      if (now - last < quiet) {
        return;
      }
      last = now;
    }
  }

  /**
   * Waits for what is still on its way: until everything expected has come, or nothing came for a
   * while, or 10 s. The while is 2.5 s for the server, whose retransmission timeout backs off to 1
   * s (a member's last event may come after that, its ack's delay and a timer tick), and 0.5 s for
   * the reflector, which never sends again.
   */
  static void drain(MemberPool pool, Load load, RunResult result) throws InterruptedException {
    long quietNs = load.reliable() ? 2_500_000_000L : 500_000_000L;
    long limitNs = System.nanoTime() + 10_000_000_000L;
    long last = -1;
    long lastChangeNs = System.nanoTime();
    while (System.nanoTime() < limitNs) {
      long[] state = pool.call(() -> new long[] {load.tally.delivered, load.tally.sent});
      long expected = state[1] * result.joined;
      if (state[0] >= expected) {
        return;
      }
      if (state[0] != last) {
        last = state[0];
        lastChangeNs = System.nanoTime();
      } else if (System.nanoTime() - lastChangeNs > quietNs) {
        return;
      }
      Thread.sleep(20);
    }
  }

  static void sleepUntil(long deadlineNs) throws InterruptedException {
    long leftMs = (deadlineNs - System.nanoTime()) / 1_000_000;
    if (leftMs > 0) {
      Thread.sleep(leftMs);
    }
  }
}
