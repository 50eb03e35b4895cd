package udpchat.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.log.RepeatedFault;

/**
 * A testing aid that simulates a lossy LAN: it drops, duplicates, reorders and delays the datagrams
 * a program sends and receives, as {@link Faults} says, deterministically per seed.
 *
 * <p>Every datagram draws the same five numbers from one {@link Random} seeded with {@link
 * Faults#seed()}, whatever becomes of it, so the faults depend only on the seed and the order of
 * the datagrams. A reordered datagram is held back until the next one between the same two ends has
 * been handed on (or {@code maxDelay} has passed); a delayed one is handed on after a random delay.
 * Held, delayed and duplicated datagrams are copied, and handed on later from the one daemon thread
 * this injector owns, so the callbacks must be thread-safe. With {@link Faults#NONE} there is no
 * thread and each datagram is handed on once, at once, unchanged, and nothing is counted.
 */
public final class FaultInjector implements AutoCloseable {

  /** Sends one datagram, usually {@code channel::send}. */
  @FunctionalInterface
  public interface Transmit {
    void transmit(ByteBuffer datagram, SocketAddress to) throws IOException;
  }

  /** Handles one received datagram. */
  @FunctionalInterface
  public interface Deliver {
    void deliver(ByteBuffer datagram, SocketAddress from);
  }

  private static final Logger log = LoggerFactory.getLogger(FaultInjector.class);

  /** What becomes of one datagram. */
  private record Decision(
      boolean lose, boolean duplicate, boolean reorder, boolean delay, long delayNanos) {
    static final Decision PASS = new Decision(false, false, false, false, 0);
  }

  private final Faults faults;
  private final long maxDelayNanos;
  private final Direction outgoing = new Direction();
  private final Direction incoming = new Direction();
  private final Object lock = new Object();
  private final Random random; // guarded by lock
  private boolean closed; // guarded by lock
  private final ScheduledThreadPoolExecutor executor; // null when no fault can happen
  private final Thread thread;

  public FaultInjector(Faults faults, String threadName) {
    this.faults = faults;
    this.maxDelayNanos = faults.maxDelay().toNanos();
    this.random = new Random(faults.seed());
    if (!faults.any()) {
      executor = null;
      thread = null;
      return;
    }
    Thread[] made = new Thread[1];
    executor =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              made[0] = new Thread(task, threadName);
              made[0].setDaemon(true);
              return made[0];
            });
    executor.setRemoveOnCancelPolicy(true);
    // On close, what is still scheduled is dropped: a closing program's network is gone.
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor.prestartCoreThread(); // now, so that close() has a thread to join
    thread = made[0];
    // A warning: the client logs nothing less, and a faulty run must show its seed to be repeated.
    log.warn("{} simulates a lossy network: {}", threadName, faults);
  }

  /** Calls {@code transmit} zero, one or two times, now or later; throws what a call now throws. */
  public void send(ByteBuffer datagram, SocketAddress to, Transmit transmit) throws IOException {
    if (executor == null) {
      transmit.transmit(datagram, to);
      return;
    }
    pass(outgoing, datagram, to, transmit);
  }

  /** Calls {@code deliver} zero, one or two times, now or later. */
  public void receive(ByteBuffer datagram, SocketAddress from, Deliver deliver) {
    if (executor == null) {
      deliver.deliver(datagram, from);
      return;
    }
    try {
      pass(incoming, datagram, from, deliver::deliver);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen: deliver throws none
    }
  }

  /** The counts so far. */
  public FaultCounts snapshot() {
    return new FaultCounts(outgoing.counts(), incoming.counts());
  }

  private void pass(Direction way, ByteBuffer datagram, SocketAddress peer, Transmit sink)
      throws IOException {
    way.seen.increment();
    Pending overtaken;
    int copies;
    synchronized (lock) {
      Decision decision = closed ? Decision.PASS : decide();
      if (decision.lose()) {
        way.dropped.increment();
        return;
      }
      copies = decision.duplicate() ? 2 : 1;
      if (decision.duplicate()) {
        way.duplicated.increment();
      }
      // One held datagram per peer; one chosen while the slot is taken goes on as the successor.
      if (decision.reorder() && !way.held.containsKey(peer)) {
        Pending held = new Pending(way, copyOf(datagram), copies, peer, sink);
        way.held.put(peer, held);
        held.timeout = executor.schedule(() -> release(held), maxDelayNanos, TimeUnit.NANOSECONDS);
        way.reordered.increment();
        return;
      }
      if (decision.delay()) {
        Pending later = new Pending(way, copyOf(datagram), copies, peer, sink);
        executor.schedule(later::handOn, decision.delayNanos(), TimeUnit.NANOSECONDS);
        way.delayed.increment();
        return;
      }
      overtaken = way.held.remove(peer);
      if (overtaken != null) {
        overtaken.timeout.cancel(false);
      }
    }
    // Outside the lock: the sink takes locks of its own and may call back into the injector.
    try {
      ByteBuffer second = copies == 2 ? ByteBuffer.wrap(copyOf(datagram)) : null;
      sink.transmit(datagram, peer);
      if (second != null) {
        sink.transmit(second, peer);
      }
    } finally {
      if (overtaken != null) {
        overtaken.handOn();
      }
    }
  }

  private Decision decide() {
    // Five draws whatever the outcome, so that decisions depend only on the seed and the count.
    boolean lose = random.nextDouble() < faults.loss();
    boolean duplicate = random.nextDouble() < faults.duplicate();
    boolean reorder = random.nextDouble() < faults.reorder();
    boolean delay = random.nextDouble() < faults.delay();
    long delayNanos = (long) (random.nextDouble() * maxDelayNanos);
    return new Decision(lose, duplicate, reorder, delay, delayNanos);
  }

  /** The timeout of a held datagram: hands it on unless a successor already did. */
  private void release(Pending held) {
    synchronized (lock) {
      if (!held.way.held.remove(held.peer, held)) {
        return;
      }
    }
    held.handOn();
  }

  private static byte[] copyOf(ByteBuffer datagram) {
    byte[] bytes = new byte[datagram.remaining()];
    datagram.duplicate().get(bytes); // leaves the caller's position alone
    return bytes;
  }

  /** Drops what is held or scheduled, then stops and joins the thread. */
  @Override
  public void close() throws InterruptedException {
    if (executor == null) {
      return;
    }
    synchronized (lock) {
      closed = true; // from now on every datagram passes straight through
      outgoing.held.clear();
      incoming.held.clear();
    }
    // shutdown, not shutdownNow: an interrupt would close a DatagramChannel the thread sends on.
    executor.shutdown();
    executor.awaitTermination(5, TimeUnit.SECONDS);
    thread.join(TimeUnit.SECONDS.toMillis(5));
  }

  /** The counts and held datagrams of one direction. */
  private static final class Direction {
    final LongAdder seen = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder duplicated = new LongAdder();
    final LongAdder reordered = new LongAdder();
    final LongAdder delayed = new LongAdder();
    final LongAdder failed = new LongAdder();
    // A bug downstream is likely hit by every datagram: logged once with its cause, then counted.
    final RepeatedFault unexpected =
        new RepeatedFault(log, "handing on a held datagram (fault injector)", System::nanoTime);
    final Map<SocketAddress, Pending> held = new HashMap<>(); // guarded by lock

    FaultCounts.Path counts() {
      return new FaultCounts.Path(
          seen.sum(),
          dropped.sum(),
          duplicated.sum(),
          reordered.sum(),
          delayed.sum(),
          failed.sum());
    }
  }

  /**
   * A copied datagram to hand on later; equal only to itself, so a stale timeout removes nothing.
   */
  private static final class Pending {
    final Direction way;
    final byte[] bytes;
    final int copies;
    final SocketAddress peer;
    final Transmit sink;
    ScheduledFuture<?> timeout; // guarded by lock

    Pending(Direction way, byte[] bytes, int copies, SocketAddress peer, Transmit sink) {
      this.way = way;
      this.bytes = bytes;
      this.copies = copies;
      this.peer = peer;
      this.sink = sink;
    }

    void handOn() {
      for (int i = 0; i < copies; i++) {
        try {
          sink.transmit(ByteBuffer.wrap(bytes), peer);
        } catch (IOException e) {
          way.failed.increment(); // UDP promises nothing: the datagram is lost
        } catch (RuntimeException e) {
          // A scheduled task's exception would vanish into its Future: say it here.
          way.failed.increment();
          way.unexpected.occurred(e);
        }
      }
    }
  }
}
