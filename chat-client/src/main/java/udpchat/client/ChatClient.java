package udpchat.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import udpchat.client.command.Command;
import udpchat.client.command.Commands;
import udpchat.client.net.Connection;
import udpchat.client.net.Receiver;
import udpchat.client.net.ServerLink;
import udpchat.client.room.PresenceNotices;
import udpchat.client.room.Roster;
import udpchat.client.room.ServerReachability;
import udpchat.client.room.StatusFeed;
import udpchat.client.session.Session;
import udpchat.client.session.SessionAgent;
import udpchat.client.session.SessionListener;
import udpchat.client.session.SessionSnapshot;
import udpchat.client.session.Transport;
import udpchat.client.trust.ServerKeys;
import udpchat.client.view.QueuedView;
import udpchat.client.view.StatusSink;
import udpchat.client.view.View;
import udpchat.client.view.narrator.KeyNarrator;
import udpchat.client.view.narrator.Narrator;
import udpchat.crypto.DatagramSeal;
import udpchat.net.Addresses;
import udpchat.net.FaultCounts;
import udpchat.net.FaultInjector;
import udpchat.protocol.Drops;
import udpchat.protocol.json.Codec;
import udpchat.secure.link.Initiator;
import udpchat.secure.transport.RekeyPolicy;
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
  private final Connection connection;
  private final Session session;
  private final ServerLink link;
  private final Drops drops;
  private final Receiver receiver;
  private final SessionAgent agent;
  private final FaultInjector faults;
  private final ServerReachability reachability;

  /** What the input loop tells the user (busy, leaving): the {@link Narrator}'s sentences. */
  private final Narrator say;

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
    Codec codec = new Codec();
    this.faults = new FaultInjector(config.faults(), "udpchat-faults");
    DatagramSeal seal = DatagramSeal.of(config.roomKey());
    this.reachability = new ServerReachability(view, config.server(), seal.sealed(), stamps);
    this.say = new Narrator(view, stamps);
    this.drops = new Drops(clock);
    this.connection = new Connection(config.server(), faults, reachability);
    KeyNarrator keySay = new KeyNarrator(view, stamps);
    ServerKeys keys =
        new ServerKeys(
            config.trust(),
            Addresses.format(config.server()),
            keySay,
            clock,
            reachability::onServerKeyRefused);
    this.link =
        new ServerLink(
            connection,
            codec,
            new Initiator(
                config.roomKey() == null ? null : config.roomKey().handshakeKey(),
                keys,
                RekeyPolicy.DEFAULT,
                seal,
                connection::write),
            drops,
            clock);
    // Read now, on this thread, before the session's thread that owns them from then on starts.
    Preferences preferences = Preferences.load(config.configFile(), view, stamps, clock.millis());
    this.session =
        new Session(
            Transport.watched(link, clock, listener),
            new IgnoreFilter(view, preferences),
            codec,
            config.name(),
            config.heartbeat(),
            stamps);
    // Whoever watches the room (completion, the status line) starts from the member list.
    SessionListener ticksKeySay = SessionHooks.onTick(keySay::onTick);
    session.listen(
        listener == SessionListener.NONE
            ? SessionListener.all(
                reachability, ticksKeySay, SessionHooks.promptFollowsName(session, view))
            : SessionListener.all(
                listener,
                reachability,
                ticksKeySay,
                SessionHooks.promptFollowsName(session, view),
                SessionHooks.askForMembersOnWelcome(session)));
    Runnable whoAsked = presence == null ? () -> {} : presence::onWhoAsked;
    this.agent =
        new SessionAgent(
            session,
            link,
            reachability::onPortUnreachable,
            new CommandPerformer(session, say, whoAsked, this::stats, clock, preferences),
            clock);
    this.receiver = new Receiver(connection, agent, faults, drops, clock);
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
        say.busy();
      }
    }
    awaitSettled();
    boolean wasIn = agent.leave(LEAVE_PATIENCE);
    say.left(wasIn, Addresses.format(connection.server()));
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
      say.waitingForAcks();
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
      say.mayNotBeDelivered(unsettled);
    }
  }

  /** What the simulated faults did so far (all zero when none are simulated). */
  public FaultCounts faultCounts() {
    return faults.snapshot();
  }

  /** The datagrams from the server dropped: forged, unopened, invalid, or no room for them. */
  Drops drops() {
    return drops;
  }

  /** What {@code /stats} shows; called on the session's thread, which owns the link. */
  private ClientStats stats() {
    return new ClientStats(drops.snapshot(), link.handshakes(), sendFailures(), linesNotShown());
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

  /** Read on the input loop's thread: the name as the session's thread last published it. */
  private String prompt() {
    return agent.snapshot().name() + "> ";
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
