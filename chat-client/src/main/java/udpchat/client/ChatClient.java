package udpchat.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import udpchat.client.view.Event;
import udpchat.client.view.StatusSink;
import udpchat.client.view.View;
import udpchat.crypto.DatagramSeal;
import udpchat.net.FaultCounts;
import udpchat.net.FaultInjector;
import udpchat.protocol.Addresses;
import udpchat.protocol.Codec;
import udpchat.protocol.Drops;
import udpchat.protocol.History;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.time.Periodic;
import udpchat.time.WallStamps;

/**
 * A running client: the {@link Session} with its {@link Connection}, the {@link Receiver} thread,
 * the timer thread that lets the session send what is due (heartbeats, join retries, acks,
 * retransmissions), and the input loop on the caller's thread ({@link #run}).
 */
public final class ChatClient implements AutoCloseable {

  private final View view;
  private final Clock clock;
  private final WallStamps stamps;
  private final Connection connection;
  private final Session session;
  private final Receiver receiver;
  private final Periodic timers;
  private final FaultInjector faults;
  private final ServerReachability reachability;

  /** Presence shown as notices, or null for a client without a roster. */
  private final PresenceNotices presence;

  private final Thread leaveOnExit;

  /**
   * How often the session's timers are checked: finer than the shortest retransmission timeout (30
   * ms, {@link udpchat.stream.PendingMessages}), which would otherwise be rounded up to the tick,
   * and fine for any interval a user would choose. A tick with nothing due costs a few comparisons.
   */
  static final Duration TICK = Duration.ofMillis(10);

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
      View view,
      Clock clock,
      WallStamps stamps,
      Roster roster,
      StatusSink statusLine)
      throws IOException {
    PresenceNotices presence = roster == null ? null : new PresenceNotices(view, roster, stamps);
    SessionListener listener =
        roster == null
            ? SessionListener.NONE
            : SessionListener.all(
                presence, // before the roster: it reads the old presence
                roster,
                new StatusFeed(Addresses.format(config.server()), roster, statusLine));
    this.presence = presence;
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
    this.receiver = new Receiver(connection, codec, seal, session, reachability, faults, clock);
    this.timers = new Periodic("udpchat-heartbeat", TICK, clock, session::onTick);
    // Killed by a signal instead of quitting: still tell the server, so the room knows at once.
    this.leaveOnExit = new Thread(session::leave, "udpchat-leave-on-exit");
  }

  /**
   * Joins, then reads and performs the user's lines until they leave (quit, /quit or end of input).
   * Returns the exit status.
   */
  public int run() {
    Runtime.getRuntime().addShutdownHook(leaveOnExit);
    receiver.start();
    session.start(clock.millis());
    timers.start();
    for (String line = view.readLine(prompt()); line != null; line = view.readLine(prompt())) {
      Command command = Commands.parse(line);
      if (command instanceof Command.Quit) {
        break;
      }
      perform(command);
    }
    awaitSettled();
    boolean wasIn = session.leave();
    view.show(
        Event.notice(
            now(),
            wasIn
                ? "left the room"
                : "gave up joining " + Addresses.format(connection.server()) + " (never joined)"));
    return 0;
  }

  private void perform(Command command) {
    long nowMs = clock.millis();
    if (command instanceof Command.Say say) {
      session.say(say.text(), false, nowMs);
    } else if (command instanceof Command.Act act) {
      session.say(act.action(), true, nowMs);
    } else if (command instanceof Command.Tell tell) {
      session.tell(tell.to(), tell.text(), nowMs);
    } else if (command instanceof Command.Who) {
      if (presence != null) {
        presence.onWhoAsked();
      }
      session.who(nowMs);
    } else if (command instanceof Command.Nick nick) {
      if (nick.name().equals(session.name())) {
        view.show(Event.notice(now(), "you are already " + nick.name()));
      } else {
        session.nick(nick.name(), nowMs);
      }
    } else if (command instanceof Command.History history) {
      if (history.count() > History.MAX_COUNT) {
        view.show(
            Event.notice(
                now(),
                "the server keeps no more than "
                    + History.MAX_COUNT
                    + " events for /history: showing the last "
                    + History.MAX_COUNT));
      }
      session.history(Math.min(history.count(), History.MAX_COUNT), nowMs);
    } else if (command instanceof Command.Heartbeats heartbeats) {
      session.heartbeats(heartbeats.on(), nowMs);
    } else if (command instanceof Command.Away away) {
      session.away(away.away(), away.reason(), nowMs);
    } else if (command instanceof Command.Help) {
      Commands.HELP.forEach(line -> view.show(Event.notice(now(), line)));
    } else if (command instanceof Command.Invalid invalid) {
      view.show(Event.error(now(), invalid.problem()));
    }
  }

  /**
   * Gives the messages still on their way a moment to be acknowledged before leaving, so a line
   * typed just before quit is not lost; says so when some were not.
   */
  private void awaitSettled() {
    long deadlineMs = clock.millis() + QUIT_GRACE_MS;
    if (session.unsettled() > 0) {
      view.show(Event.notice(now(), "waiting for the server to acknowledge your messages..."));
    }
    while (session.unsettled() > 0 && clock.millis() < deadlineMs) {
      try {
        Thread.sleep(TICK.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    int unsettled = session.unsettled();
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

  /** The session, for its counters. */
  Session session() {
    return session;
  }

  /**
   * Asks for the member list on every welcome, the first and each rejoin (after a server restart
   * the room may have changed while we were away). Called on the receive thread with the session's
   * lock held, before the session takes the welcome: {@code who} then only marks the list as wanted
   * once joined, so this re-entrant call sends nothing itself.
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
   * under): the input thread is blocked reading with the old one. Checked on every tick, with the
   * session's lock held, so the name read is the session's own.
   */
  private SessionListener promptFollowsName() {
    return new SessionListener() {
      private String shown;

      @Override
      public void onTick(
          Session.State state, boolean everJoined, boolean serverSilent, long nowMs) {
        String name = session.name();
        if (shown != null && !shown.equals(name)) {
          view.prompt(prompt());
        }
        shown = name;
      }
    };
  }

  private String prompt() {
    return session.name() + "> ";
  }

  private Instant now() {
    return stamps.now();
  }

  /** Leaves the room if still in it and stops both threads. The view is the caller's to close. */
  @Override
  public void close() throws IOException, InterruptedException {
    session.leave();
    timers.close();
    connection.close(); // wakes the receiver
    receiver.close();
    faults.close();
    try {
      Runtime.getRuntime().removeShutdownHook(leaveOnExit);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // already shutting down, or run() never registered it
    }
  }
}
