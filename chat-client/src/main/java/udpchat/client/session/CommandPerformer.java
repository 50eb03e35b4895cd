package udpchat.client.session;

import java.time.Clock;
import java.util.function.Consumer;
import udpchat.client.command.Command;
import udpchat.client.command.Commands;
import udpchat.client.view.Narrator;
import udpchat.protocol.History;

/**
 * What a typed line does, once parsed: called on the session's thread ({@link SessionAgent}), which
 * owns the {@link Session}, so it may call the session directly. What needs no server (help, a name
 * already held, a count beyond the cap) is answered here.
 */
public final class CommandPerformer implements Consumer<Command> {

  private final Session session;
  private final Narrator say;
  private final Runnable whoAsked;
  private final Clock clock;

  /**
   * @param whoAsked told of each {@code /who} before it is asked (presence notices say the away
   *     members again in its answer)
   * @param clock the timers' clock
   */
  public CommandPerformer(Session session, Narrator say, Runnable whoAsked, Clock clock) {
    this.session = session;
    this.say = say;
    this.whoAsked = whoAsked;
    this.clock = clock;
  }

  @Override
  public void accept(Command command) {
    long nowMs = clock.millis();
    if (command instanceof Command.Say line) {
      session.say(line.text(), false, nowMs);
    } else if (command instanceof Command.Act act) {
      session.say(act.action(), true, nowMs);
    } else if (command instanceof Command.Tell tell) {
      session.tell(tell.to(), tell.text(), nowMs);
    } else if (command instanceof Command.Who) {
      whoAsked.run();
      session.who(nowMs);
    } else if (command instanceof Command.Nick nick) {
      if (nick.name().equals(session.name())) {
        say.alreadyNamed(nowMs, nick.name());
      } else {
        session.nick(nick.name(), nowMs);
      }
    } else if (command instanceof Command.History history) {
      if (history.count() > History.MAX_COUNT) {
        say.historyCapped(nowMs, History.MAX_COUNT);
      }
      session.history(Math.min(history.count(), History.MAX_COUNT), nowMs);
    } else if (command instanceof Command.Heartbeats heartbeats) {
      session.heartbeats(heartbeats.on(), nowMs);
    } else if (command instanceof Command.Away away) {
      session.away(away.away(), away.reason(), nowMs);
    } else if (command instanceof Command.Help) {
      say.help(nowMs, Commands.HELP);
    } else if (command instanceof Command.Invalid invalid) {
      say.invalidCommand(nowMs, invalid.problem());
    } else if (!(command instanceof Command.Quit)) { // quit ends the input loop before it gets here
      throw new AssertionError("a command nobody performs: " + command);
    }
  }
}
