package udpchat.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import udpchat.client.command.Command;
import udpchat.client.command.Commands;
import udpchat.client.net.Connection;
import udpchat.client.net.Receiver;
import udpchat.client.room.PresenceNotices;
import udpchat.client.room.Roster;
import udpchat.client.room.StatusFeed;
import udpchat.client.session.CommandPerformer;
import udpchat.client.session.ServerReachability;
import udpchat.client.session.Session;
import udpchat.client.session.SessionAgent;
import udpchat.client.session.SessionListener;
import udpchat.client.session.SessionSnapshot;
import udpchat.client.session.WatchedTransport;
import udpchat.client.view.Event;
import udpchat.client.view.Narrator;
import udpchat.client.view.QueuedView;
import udpchat.client.view.StatusSink;
import udpchat.client.view.View;
import udpchat.crypto.DatagramSeal;
import udpchat.net.FaultCounts;
import udpchat.net.FaultInjector;
import udpchat.protocol.Addresses;
import udpchat.protocol.Codec;
import udpchat.protocol.Drops;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.time.WallStamps;

/**
 * A running client, as threads that each own their part: the session's ({@link SessionAgent}: the
 * {@link Session}, its timers, what listens to it), the {@link Receiver}'s (the socket's reads,
 * decoding), the view's ({@link QueuedView}: drawing), and the input loop on the caller's thread
 * ({@link #run}), which reads lines and queues them for the session. ChatClient starts them and
 * stops them in reverse.
 */
public final class ChatClient implements AutoCloseable {

  private final QueuedView view;
  private final Clock clock;
  private final WallStamps stamps;
  private final Connection connection;
  private final Session session;
  private final Receiver receiver;
  private final SessionAgent agent;
  private final FaultInjector faults;
  private final ServerReachability reachability;

  private final Thread leaveOnExit;

  /** How long leaving waits for the session's thread to have sent the leave. */
  static final Duration LEAVE_PATIENCE = Duration.ofSeconds(1);

  /** How long quitting waits for the server to acknowledge messages still on their way. */
  static final long QUIT_GRACE_MS = 3000;

  /** A client whose timers and shown times read one clock (tests that set the time). */
  public ChatClient(ClientConfig config, View view, Clock clock) throws IOException {
    this(config, view, clock, WallStamps.of(clock), null, null);
  }

  /** One clock for timers and shown times, as {@link #ChatClient(ClientConfig, View, Clock)}. */
  ChatClient(ClientConfig config, View view, Clock clock, Roster roster, StatusSink statusLine)
      throws IOException {
    this(config, view, clock, clock, roster, statusLine);
  }

  /**
   * A client that keeps {@code roster} current (for completion and mentions), shows presence
   * changes, and feeds the status line to {@code statusLine}.
   *
   * @param timers what heartbeats, join retries and retransmissions decide by: a monotonic clock
   *     ({@code MonotonicClock}) outside tests, which a clock step cannot move
   * @param wall what the lines this client says itself are stamped with (a room event shows the
   *     server's stamp)
   */
  ChatClient(
      ClientConfig config,
      View view,
      Clock timers,
      Clock wall,
      Roster roster,
      StatusSink statusLine)
      throws IOException {
    this(config, view, timers, new WallStamps(timers, wall), roster, statusLine);
  }

  /** {@code roster} null: a client without one (no presence notices, no status line). */
  private ChatClient(
      ClientConfig config,
      View terminal,
      Clock clock,
      WallStamps stamps,
      Roster roster,
      StatusSink statusLine)
      throws IOException {
    QueuedView view = new QueuedView(terminal, statusLine == null ? StatusSink.NONE : statusLine);
    PresenceNotices presence = roster == null ? null : new PresenceNotices(view, roster, stamps);
    SessionListener listener =
        roster == null
            ? SessionListener.NONE
            : SessionListener.all(
                presence, // before the roster: it reads the old presence
                roster,
                new StatusFeed(Addresses.format(config.server()), roster, view));
    this.view = view;
    this.clock = clock;
    this.stamps = stamps;
    Codec codec = new Codec();
    this.faults = new FaultInjector(config.faults(), "udpchat-faults");
    DatagramSeal seal = DatagramSeal.of(config.roomKey());
    this.reachability = new ServerReachability(view, config.server(), seal.sealed(), stamps);
    this.connection = new Connection(config.server(), codec, seal, faults, reachability);
    this.session =
        new Session(
            new WatchedTransport(connection, clock, listener),
            view,
            codec,
            config.name(),
            config.heartbeat(),
            stamps);
    // Whoever watches the room (completion, the status line) starts from the member list.
    session.listen(
        listener == SessionListener.NONE
            ? SessionListener.all(reachability, promptFollowsName())
            : SessionListener.all(
                listener, reachability, promptFollowsName(), askForMembersOnWelcome()));
    Runnable whoAsked = presence == null ? () -> {} : presence::onWhoAsked;
    this.agent =
        new SessionAgent(
            session,
            reachability,
            new CommandPerformer(session, new Narrator(view, stamps), whoAsked, clock),
            clock);
    this.receiver = new Receiver(connection, codec, seal, agent, faults, clock);
    // Killed by a signal instead of quitting: still tell the server, so the room knows at once.
    this.leaveOnExit = new Thread(() -> agent.leave(LEAVE_PATIENCE), "udpchat-leave-on-exit");
  }

  /**
   * Joins, then reads and performs the user's lines until they leave (quit, /quit or end of input).
   * Returns the exit status.
   */
  public int run() {
    Runtime.getRuntime().addShutdownHook(leaveOnExit);
    agent.join(); // first in its queue: nothing the receiver hands in comes before
    agent.start();
    receiver.start();
    for (String line = view.readLine(prompt()); line != null; line = view.readLine(prompt())) {
      Command command = Commands.parse(line);
      if (command instanceof Command.Quit) {
        break;
      }
      if (!agent.typed(command)) {
        view.show(
            Event.error(now(), "not sent: the client is busy with the server; type it again"));
      }
    }
    awaitSettled();
    boolean wasIn = agent.leave(LEAVE_PATIENCE);
    view.show(
        Event.notice(
            now(),
            wasIn
                ? "left the room"
                : "gave up joining " + Addresses.format(connection.server()) + " (never joined)"));
    flushView();
    return 0;
  }

  /**
   * Gives the messages still on their way a moment to be acknowledged before leaving, so a line
   * typed just before quit is not lost; says so when some were not.
   */
  private void awaitSettled() {
    long deadlineMs = clock.millis() + QUIT_GRACE_MS;
    if (agent.snapshot().unsettled() > 0) {
      view.show(Event.notice(now(), "waiting for the server to acknowledge your messages..."));
    }
    while (agent.snapshot().unsettled() > 0 && clock.millis() < deadlineMs) {
      try {
        Thread.sleep(SessionAgent.TICK.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    int unsettled = agent.snapshot().unsettled();
    if (unsettled > 0) {
      view.show(Event.error(now(), unsettled + " message(s) may not have been delivered"));
    }
  }

  /** What the simulated faults did so far (all zero when none are simulated). */
  public FaultCounts faultCounts() {
    return faults.snapshot();
  }

  /** The datagrams from the server dropped as invalid (or, in a private room, unopened). */
  Drops drops() {
    return receiver.drops();
  }

  /** How many datagrams could not be sent (said once, then counted). */
  long sendFailures() {
    return reachability.sendFailures();
  }

  /** The session as its thread last published it: its counters. */
  SessionSnapshot session() {
    return agent.snapshot();
  }

  /** The lines the view dropped because the terminal fell too far behind. */
  long linesNotShown() {
    return view.dropped();
  }

  /** Lets the view draw the last lines before the client ends (a second at most). */
  private void flushView() {
    try {
      view.flush(Duration.ofSeconds(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Asks for the member list on every welcome, the first and each rejoin (after a server restart
   * the room may have changed while we were away). Called on the session's thread before the
   * session takes the welcome: {@code who} then only marks the list as wanted once joined, so this
   * call from inside the session sends nothing itself.
   */
  private SessionListener askForMembersOnWelcome() {
    return new SessionListener() {
      @Override
      public void onMessage(ServerMessage message, long nowMs) {
        if (message instanceof Welcome && session.state() == Session.State.JOINING) {
          session.who(nowMs);
        }
      }
    };
  }

  /**
   * Shows the new prompt when the name changed (a rename the server took, or a new name to join
   * under): the input thread is blocked reading with the old one. Checked on every tick, on the
   * session's thread, so the name read is the session's own.
   */
  private SessionListener promptFollowsName() {
    return new SessionListener() {
      private String shown;

      @Override
      public void onTick(
          Session.State state, boolean everJoined, boolean serverSilent, long nowMs) {
        String name = session.name();
        if (shown != null && !shown.equals(name)) {
          view.prompt(name + "> "); // the session's own name: the snapshot is of the last cycle
        }
        shown = name;
      }
    };
  }

  /** Read on the input loop's thread: the name as the session's thread last published it. */
  private String prompt() {
    return agent.snapshot().name() + "> ";
  }

  private Instant now() {
    return stamps.now();
  }

  /** Leaves the room if still in it and stops both threads. The view is the caller's to close. */
  @Override
  public void close() throws IOException, InterruptedException {
    agent.leave(LEAVE_PATIENCE);
    agent.close();
    connection.close(); // wakes the receiver
    receiver.close();
    faults.close();
    view.close(); // draws what is queued; the view underneath is the caller's to close
    try {
      Runtime.getRuntime().removeShutdownHook(leaveOnExit);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // already shutting down, or run() never registered it
    }
  }
}
