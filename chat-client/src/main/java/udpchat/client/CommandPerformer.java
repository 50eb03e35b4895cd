package udpchat.client;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import udpchat.client.command.Command;
import udpchat.client.command.Commands;
import udpchat.client.session.Session;
import udpchat.client.session.SessionAgent;
import udpchat.client.view.narrator.Narrator;
import udpchat.protocol.History;

/**
 * What a typed line does, once parsed: called on the session's thread ({@link SessionAgent}), which
 * owns the {@link Session}, so it may call the session directly. What needs no server (help, a name
 * already held, a count beyond the cap) is answered here.
 */
final class CommandPerformer implements Consumer<Command> {

  private final Session session;
  private final Narrator say;
  private final Runnable whoAsked;
  private final Supplier<ClientStats> stats;
  private final Clock clock;
  private final Preferences preferences;

  /**
   * @param whoAsked told of each {@code /who} before it is asked (presence notices say the away
   *     members again in its answer)
   * @param stats what {@code /stats} shows, read on the session's thread
   * @param clock the timers' clock
   * @param preferences what /ignore, /unignore and /set change (the session's thread owns them)
   */
  CommandPerformer(
      Session session,
      Narrator say,
      Runnable whoAsked,
      Supplier<ClientStats> stats,
      Clock clock,
      Preferences preferences) {
    this.preferences = preferences;
    this.session = session;
    this.say = say;
    this.whoAsked = whoAsked;
    this.stats = stats;
    this.clock = clock;
  }

  @Override
  public void accept(Command command) {
    command.performBy(new Performing(clock.millis()));
  }

  /** One command, performed at {@code nowMs}. */
  private final class Performing implements Command.Performer {
    private final long nowMs;

    Performing(long nowMs) {
      this.nowMs = nowMs;
    }

    @Override
    public void onSay(Command.Say line) {
      session.say(line.text(), false, nowMs);
    }

    @Override
    public void onAct(Command.Act act) {
      session.say(act.action(), true, nowMs);
    }

    @Override
    public void onTell(Command.Tell tell) {
      session.tell(tell.to(), tell.text(), nowMs);
    }

    @Override
    public void onWho(Command.Who who) {
      whoAsked.run();
      session.who(nowMs);
    }

    @Override
    public void onNick(Command.Nick nick) {
      if (nick.name().equals(session.name())) {
        say.alreadyNamed(nowMs, nick.name());
      } else {
        session.nick(nick.name(), nowMs);
      }
    }

    @Override
    public void onHistory(Command.History history) {
      if (history.count() > History.MAX_COUNT) {
        say.historyCapped(nowMs, History.MAX_COUNT);
      }
      session.history(Math.min(history.count(), History.MAX_COUNT), nowMs);
    }

    @Override
    public void onHeartbeats(Command.Heartbeats heartbeats) {
      session.heartbeats(heartbeats.on(), nowMs);
    }

    @Override
    public void onAway(Command.Away away) {
      session.away(away.away(), away.reason(), nowMs);
    }

    @Override
    public void onHelp(Command.Help help) {
      say.help(nowMs, Commands.helpFor(help.topic()));
    }

    @Override
    public void onStats(Command.Stats asked) {
      say.stats(nowMs, stats.get().lines());
    }

    @Override
    public void onWindow(Command.Window window) {
      say.noWindows(nowMs);
    }

    @Override
    public void onQuery(Command.Query query) {
      say.noWindows(nowMs);
    }

    @Override
    public void onClear(Command.Clear clear) {
      say.noWindows(nowMs);
    }

    @Override
    public void onLastlog(Command.Lastlog lastlog) {
      say.noWindows(nowMs);
    }

    @Override
    public void onIgnore(Command.Ignore ignore) {
      if (ignore.name().isEmpty()) {
        preferences.listIgnored(nowMs);
      } else {
        preferences.ignore(ignore.name(), nowMs);
      }
    }

    @Override
    public void onUnignore(Command.Unignore unignore) {
      preferences.unignore(unignore.name(), nowMs);
    }

    @Override
    public void onSet(Command.Set set) {
      if (set.setting() == null) {
        preferences.listSettings(nowMs);
      } else {
        preferences.set(set.setting(), set.value(), nowMs);
      }
    }

    @Override
    public void onInvalid(Command.Invalid invalid) {
      say.invalidCommand(nowMs, invalid.problem());
    }

    @Override
    public void onQuit(Command.Quit quit) {
      // quit ends the input loop before it gets here
    }

    @Override
    public void onNothing(Command.Nothing nothing) {
      // a blank line asks for nothing
    }
  }
}
