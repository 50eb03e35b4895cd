package udpchat.client.session;

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
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.client.command.Command;
import udpchat.log.RepeatedFault;

/**
 * The one thread that owns the {@link Session} (and what listens to it: the roster's updates, the
 * presence notices, the reachability notes) and the {@link Link} under it, which is not
 * thread-safe: the receiver, the input loop and a shutdown hook only put {@link Input}s in its
 * bounded queue, and read what it publishes ({@link SessionSnapshot}). A datagram is opened and
 * decoded here, so only this thread touches the link's keys. Its duty cycle takes what is queued,
 * then runs the session's timers every {@link #TICK} on the monotonic clock, as Aeron's agents do:
 * no lock, no other thread in the session's state.
 *
 * <p>A full queue is never waited on by the receive loop: the datagram is dropped and counted
 * ({@code inbox-full}), as the network might have, and the server sends it again. A typed line that
 * finds it full is refused with a reason. The session sends on this thread (a UDP send does not
 * block for long) and shows through a view that queues ({@code QueuedView}), so neither a slow
 * terminal nor the network holds it up.
 */
public final class SessionAgent implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SessionAgent.class);

  /**
   * How often the session's timers are checked: finer than the shortest retransmission timeout (30
   * ms, {@code PendingMessages}), which would otherwise be rounded up to the tick, and fine for any
   * interval a user would choose. A tick with nothing due costs a few comparisons.
   */
  public static final Duration TICK = Duration.ofMillis(10);

  /** Arrivals and typed lines waiting: far more than a burst from the server holds. */
  static final int CAPACITY = 8192;

  /** What one cycle takes from the queue before it looks at the timers again. */
  private static final int BATCH = 256;

  /** What the owner asks of the session; applied on the agent's thread, in order. */
  sealed interface Input {}

  /** A datagram from the server, as read (a copy), with the time it was read. */
  record Datagram(byte[] bytes, long nowMs) implements Input {}

  /** The kernel said nothing listens at the server's port (an ICMP port-unreachable). */
  record Unreachable() implements Input {}

  /** A line the user typed, parsed: performed by the agent's {@code perform}. */
  record Typed(Command command) implements Input {}

  /** Starts the session: the first join. */
  record Start() implements Input {}

  /** Leaves the room if in it; completed with whether the session was ever in. */
  record Leave(CompletableFuture<Boolean> everJoined) implements Input {}

  private final Session session;
  private final Link link;
  private final Runnable portUnreachable;
  private final Consumer<Command> perform;
  private final Clock clock;
  private final BlockingQueue<Input> queue;
  private final RepeatedFault failures =
      new RepeatedFault(log, "the session thread", System::nanoTime);
  private final Thread thread;
  private volatile boolean running = true;
  private volatile SessionSnapshot snapshot;
  private long tickedMs;
  private boolean ticked; // a monotonic clock's time has no zero to start from

  /**
   * @param link what the server's datagrams are opened with; sends go through it too (the session's
   *     transport), on this thread
   * @param portUnreachable told on the agent's thread that nothing listens at the server's port
   *     (the {@code room.ServerReachability}, which says so)
   * @param perform what a typed line does, called on the agent's thread (so it may use the session)
   * @param clock the timers' clock (monotonic outside tests)
   */
  public SessionAgent(
      Session session,
      Link link,
      Runnable portUnreachable,
      Consumer<Command> perform,
      Clock clock) {
    this(session, link, portUnreachable, perform, clock, CAPACITY);
  }

  /** With a queue of {@code capacity} inputs (tests of a full queue). */
  public SessionAgent(
      Session session,
      Link link,
      Runnable portUnreachable,
      Consumer<Command> perform,
      Clock clock,
      int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.session = session;
    this.link = link;
    this.portUnreachable = portUnreachable;
    this.perform = perform;
    this.clock = clock;
    this.snapshot = SessionSnapshot.of(session);
    this.thread = new Thread(this::run, "udpchat-session");
    thread.setDaemon(true); // stopped by close(); never what keeps a leaving client alive
  }

  public void start() {
    thread.start();
  }

  /**
   * From the receiver: {@code bytes} (its own copy, handed over) queued, or dropped when the queue
   * is full (false). Never waits.
   */
  public boolean arrived(byte[] bytes, long nowMs) {
    return queue.offer(new Datagram(bytes, nowMs));
  }

  /** From the receiver; dropped when the queue is full, as the next ICMP error says it again. */
  public void unreachable() {
    queue.offer(new Unreachable());
  }

  /** From the input loop: false when the queue is full and the line was not taken. */
  public boolean typed(Command command) {
    return queue.offer(new Typed(command));
  }

  /** Starts joining (queued first, so it goes before anything the receiver hands in). */
  public void join() {
    queue.offer(new Start());
  }

  /**
   * Leaves the room, waiting up to {@code patience} for the agent to have sent the leave; whether
   * the session was ever in the room. From any thread but the agent's (the input loop, a shutdown
   * hook); once the agent has stopped, only what it last published is known.
   */
  public boolean leave(Duration patience) {
    CompletableFuture<Boolean> done = new CompletableFuture<>();
    if (running && queue.offer(new Leave(done))) {
      try {
        return done.get(patience.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException | TimeoutException e) {
        log.warn("the session did not leave in time: {}", e.toString());
      }
    }
    return snapshot.everJoined();
  }

  /** What the session looked like at the end of the agent's last cycle. */
  public SessionSnapshot snapshot() {
    return snapshot;
  }

  /** How many of the agent's cycles failed with an unexpected exception (each survived). */
  long failures() {
    return failures.total();
  }

  private void run() {
    List<Input> batch = new ArrayList<>(BATCH);
    while (running) {
      try {
        Input first = queue.poll(TICK.toMillis(), TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, BATCH - 1);
        }
        doWork(batch, clock.millis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        failures.occurred(e); // the session's state is as the failed step left it: go on
      } finally {
        batch.clear();
      }
    }
  }

  /** One duty cycle at {@code nowMs}: what was queued, then the timers when due. */
  void doWork(List<Input> inputs, long nowMs) {
    for (Input input : inputs) {
      apply(input, nowMs);
    }
    if (!ticked || nowMs - tickedMs >= TICK.toMillis()) {
      ticked = true;
      tickedMs = nowMs;
      link.tick(nowMs);
      session.onTick(nowMs);
    }
    snapshot = SessionSnapshot.of(session);
  }

  private void apply(Input input, long nowMs) {
    if (input instanceof Datagram datagram) {
      // A batch's events each as if it had come alone: the session neither knows nor cares.
      link.received(
          datagram.bytes(),
          datagram.nowMs(),
          message -> session.onMessage(message, datagram.nowMs()));
    } else if (input instanceof Typed typed) {
      perform.accept(typed.command());
    } else if (input instanceof Unreachable) {
      portUnreachable.run();
    } else if (input instanceof Start) {
      session.start(nowMs);
    } else if (input instanceof Leave leave) {
      leave.everJoined().complete(session.leave());
    } else {
      throw new AssertionError("an input the agent does not know: " + input);
    }
  }

  /**
   * Stops the thread after the cycle under way (within a {@link #TICK}) and waits for it. Not by an
   * interrupt: one that came while the session sends would close the socket under it.
   */
  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(2000);
  }
}
