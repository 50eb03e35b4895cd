package udpchat.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import udpchat.client.view.Event;
import udpchat.client.view.StatusSink;
import udpchat.client.view.View;
import udpchat.protocol.Addresses;
import udpchat.protocol.Codec;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;

/**
 * A running client: the {@link Session} with its {@link Connection}, the {@link Receiver} thread,
 * the {@link Heartbeater} thread, and the input loop on the caller's thread ({@link #run}).
 */
public final class ChatClient implements AutoCloseable {

  private final View view;
  private final Clock clock;
  private final Connection connection;
  private final Session session;
  private final Receiver receiver;
  private final Heartbeater heartbeater;
  private final Thread leaveOnExit;

  public ChatClient(ClientConfig config, View view, Clock clock) throws IOException {
    this(config, view, clock, SessionListener.NONE);
  }

  /**
   * A client that keeps {@code roster} current (for completion and mentions), shows presence
   * changes, and feeds the status line to {@code statusLine}.
   */
  ChatClient(ClientConfig config, View view, Clock clock, Roster roster, StatusSink statusLine)
      throws IOException {
    this(
        config,
        view,
        clock,
        SessionListener.all(
            new PresenceNotices(view, roster), // before the roster: it reads the old presence
            roster,
            new StatusFeed(Addresses.format(config.server()), roster, statusLine)));
  }

  private ChatClient(ClientConfig config, View view, Clock clock, SessionListener listener)
      throws IOException {
    this.view = view;
    this.clock = clock;
    Codec codec = new Codec();
    this.connection = new Connection(config.server(), codec);
    this.session =
        new Session(
            new WatchedTransport(connection, clock, listener),
            view,
            codec,
            config.name(),
            config.heartbeat());
    // Whoever watches the room (completion, the status line) starts from the member list.
    session.listen(
        listener == SessionListener.NONE
            ? listener
            : SessionListener.all(listener, askForMembersOnWelcome()));
    this.receiver = new Receiver(connection, codec, session, clock);
    this.heartbeater = new Heartbeater(session, clock);
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
    heartbeater.start();
    for (String line = view.readLine(prompt()); line != null; line = view.readLine(prompt())) {
      Command command = Commands.parse(line);
      if (command instanceof Command.Quit) {
        break;
      }
      perform(command);
    }
    session.leave();
    view.show(Event.notice(now(), "left the room"));
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
      session.who(nowMs);
    } else if (command instanceof Command.Nick nick) {
      session.nick(nick.name(), nowMs);
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

  private String prompt() {
    return session.name() + "> ";
  }

  private Instant now() {
    return clock.instant();
  }

  /** Leaves the room if still in it and stops both threads. The view is the caller's to close. */
  @Override
  public void close() throws IOException, InterruptedException {
    session.leave();
    heartbeater.close();
    connection.close(); // wakes the receiver
    receiver.close();
    try {
      Runtime.getRuntime().removeShutdownHook(leaveOnExit);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // already shutting down, or run() never registered it
    }
  }
}
