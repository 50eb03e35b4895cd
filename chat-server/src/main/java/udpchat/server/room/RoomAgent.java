package udpchat.server.room;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.log.RepeatedFault;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.Drops;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.json.Codec;
import udpchat.server.net.Inbound;
import udpchat.server.net.TypeCounts;
import udpchat.server.room.members.StallGuard;

/**
 * The room's thread, {@code udpchat-room}: the one thread that touches the {@link Room} and what it
 * holds (members, names, presence, delivery streams, the event log). Other threads reach it only
 * through its bounded inbox: the receiver's requests, and queries, each answered with an immutable
 * {@link RoomSnapshot}. Its duty cycle drains the inbox, runs what is due of its two timers (the
 * sweep that expires the silent, and the tick that announces held membership changes and resends
 * what is unacknowledged), writes the cycle's events to the journal in one write (group commit:
 * {@link Room#endCycle}), hands what the room said to the sender, and waits for the next command or
 * timer.
 *
 * <p>The inbox is a plain {@link ArrayBlockingQueue}: one lock per offer and per poll, which the
 * bench shows is far from the bottleneck (the socket sends are), and the JDK's own. When it is full
 * the request is dropped and counted ({@link Drops#INBOX_FULL}) and the receiver goes on: a client
 * retransmits, and a flood must not stop the socket from being read.
 *
 * <p>Timers are measured on {@code nanoTime} (when a tick is due) but decide by the injected clock
 * ({@code nowMs}, handed down), so a test that sets the clock decides what expires.
 */
public final class RoomAgent implements Inbound, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(RoomAgent.class);

  /** Commands waiting for the room thread at most: about a second of a busy room's requests. */
  public static final int INBOX_CAPACITY = 8192;

  /**
   * How often unacknowledged room events are checked for a retransmission that is due, and held
   * membership notices for their time: a resend comes at most this late, small beside the smallest
   * timeout (Delivery.MIN_RTO_MS, 150 ms) and the notices' hold (MembershipNotices.HOLD_MS). A
   * check looks only at the members with events unacknowledged.
   */
  public static final Duration TICK = Duration.ofMillis(10);

  /** Commands applied in one duty cycle at most, so the timers run between bursts. */
  static final int MAX_COMMANDS_PER_CYCLE = 1024;

  private final Room room;
  private final Codec codec;
  private final Drops drops;
  private final Clock clock;
  private final LongSupplier nanoTime;
  private final long sweepNs;
  private final StallGuard stalls;
  private final BlockingQueue<Runnable> inbox;
  private final TypeCounts received = new TypeCounts();
  private final Thread thread;
  private final RepeatedFault failures =
      new RepeatedFault(log, "handling a room command (udpchat-room)", System::nanoTime);
  private volatile boolean stopping;

  /** Queries of this cycle, answered once its events are written and what it said is sent. */
  private final List<Runnable> afterCycle = new ArrayList<>();

  /**
   * @param sweep how often the silent are expired: a member goes between timeout and timeout +
   *     sweep after its last datagram
   * @param clock the timers' clock, whose {@code millis()} every command and timer is given
   */
  public RoomAgent(Room room, Codec codec, Drops drops, Duration sweep, Clock clock) {
    this(room, codec, drops, sweep, clock, INBOX_CAPACITY);
  }

  RoomAgent(Room room, Codec codec, Drops drops, Duration sweep, Clock clock, int capacity) {
    this.room = room;
    this.codec = codec;
    this.drops = drops;
    this.clock = clock;
    this.nanoTime = System::nanoTime;
    this.sweepNs = sweep.toNanos();
    // Not right after the server itself stalled, though: see StallGuard.
    this.stalls = new StallGuard(sweep, nanoTime);
    this.inbox = new ArrayBlockingQueue<>(capacity);
    this.thread = new Thread(this::run, "udpchat-room");
  }

  public RoomAgent start() {
    thread.start();
    return this;
  }

  @Override
  public void onRequest(InetSocketAddress from, ClientMessage request, int bytes, long nowMs) {
    received.count(request.getClass(), 1, bytes);
    if (!inbox.offer(() -> room.onRequest(from, request, bytes, nowMs))) {
      drops.count(Drops.INBOX_FULL, from, Codec.typeName(request.getClass()));
    }
  }

  @Override
  public void onMalformed(InetSocketAddress from, ProtocolException problem, long nowMs) {
    if (!inbox.offer(() -> room.onMalformed(from, problem, nowMs))) {
      drops.count(Drops.INBOX_FULL, from, "a malformed datagram's reply");
    }
  }

  /**
   * What the room looks like at the end of the duty cycle that comes to this query (all that was in
   * the inbox before it is done, written and sent by then); failed at once when the inbox is full
   * (the caller may ask again), never blocking the caller.
   */
  public CompletableFuture<RoomSnapshot> snapshot() {
    CompletableFuture<RoomSnapshot> answer = new CompletableFuture<>();
    if (!thread.isAlive()) {
      // Not started, or stopped: no thread owns the room now, and seeing this thread end (or not
      // yet begin) orders its writes before this read.
      return CompletableFuture.completedFuture(room.snapshot());
    }
    // Answered after the cycle's write, so what it shows has been sent (and is durable).
    if (!inbox.offer(() -> afterCycle.add(() -> answer.complete(room.snapshot())))) {
      answer.completeExceptionally(new IllegalStateException("the room's inbox is full"));
    }
    return answer;
  }

  /**
   * The room as its thread answers {@link #snapshot} within {@code patience}, for a caller that
   * waits: an {@link IllegalStateException} when it does not answer in time.
   */
  public RoomSnapshot snapshotWithin(Duration patience) {
    try {
      return snapshot().get(patience.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking the room", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the room did not answer: " + e, e);
    }
  }

  /** The decoded requests handed to the room, by type (those its full inbox dropped too). */
  public TypeCounts receivedByType() {
    return received;
  }

  /** What the room has done, counted as it goes: readable from any thread. */
  public RoomCounters counters() {
    return room.counters();
  }

  /** Whether the room's thread runs (started and not stopped). */
  public boolean running() {
    return thread.isAlive();
  }

  private void run() {
    long tickNs = TICK.toNanos();
    long nextTickNs = nanoTime.getAsLong() + tickNs;
    long nextSweepNs = nanoTime.getAsLong() + sweepNs;
    try {
      while (!stopping) {
        long nowNs = nanoTime.getAsLong();
        long waitNs = Math.max(0, Math.min(nextTickNs, nextSweepNs) - nowNs);
        Runnable command = inbox.poll(waitNs, TimeUnit.NANOSECONDS);
        room.beginCycle();
        for (int done = 0; command != null; done++) {
          apply(command);
          command = done + 1 < MAX_COMMANDS_PER_CYCLE ? inbox.poll() : null;
        }
        nowNs = nanoTime.getAsLong();
        if (!stopping && nowNs - nextTickNs >= 0) {
          apply(this::tick);
          nextTickNs = nanoTime.getAsLong() + tickNs;
        }
        if (!stopping && nowNs - nextSweepNs >= 0) { // none after the goodbye
          apply(this::sweep);
          nextSweepNs = nanoTime.getAsLong() + sweepNs;
        }
        // Group commit: the cycle's events in one journal write, then what it said is sent.
        apply(room::endCycle);
        afterCycle.forEach(this::apply);
        afterCycle.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // close() gave up waiting for the inbox: stop now
    }
  }

  /** Runs one command; a bug in it is logged once, then counted, and the thread goes on. */
  private void apply(Runnable command) {
    try {
      command.run();
    } catch (RuntimeException e) {
      failures.occurred(e);
    }
  }

  private void tick() {
    long nowMs = clock.millis();
    room.announceDue(nowMs);
    room.resendDue(nowMs);
  }

  private void sweep() {
    if (stalls.mayExpire()) {
      room.expire(clock.millis());
    }
  }

  /** How many commands failed with an unexpected exception (the thread went on). */
  long failures() {
    return failures.total();
  }

  /**
   * Tells the members the server is going away (after what is already in the inbox), then stops the
   * thread; waits at most two seconds for a full inbox to take the goodbye.
   */
  @Override
  public void close() throws InterruptedException {
    if (!thread.isAlive()) {
      room.shutdown(); // never started: this thread is the only one that touches the room
      return;
    }
    Runnable goodbye =
        () -> {
          room.shutdown();
          stopping = true;
        };
    if (!inbox.offer(goodbye, 2, TimeUnit.SECONDS)) {
      stopping = true;
      thread.interrupt();
    }
    thread.join();
  }
}
