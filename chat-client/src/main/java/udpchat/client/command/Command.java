package udpchat.client.command;

import udpchat.client.settings.Setting;

/** What a typed line asks for; {@link Commands#parse} makes one from each line. */
public sealed interface Command {

  /** Calls the performer's method for this command's type. */
  void performBy(Performer performer);

  /**
   * What acts on every command, one method each: a command added here is a compile error in each
   * performer until it says what the command does.
   */
  interface Performer {
    void onSay(Say line);

    void onAct(Act act);

    void onTell(Tell tell);

    void onWho(Who who);

    void onNick(Nick nick);

    void onHistory(History history);

    void onHeartbeats(Heartbeats heartbeats);

    void onAway(Away away);

    void onHelp(Help help);

    void onStats(Stats stats);

    void onWindow(Window window);

    void onQuery(Query query);

    void onClear(Clear clear);

    void onLastlog(Lastlog lastlog);

    void onIgnore(Ignore ignore);

    void onUnignore(Unignore unignore);

    void onSet(Set set);

    void onQuit(Quit quit);

    void onNothing(Nothing nothing);

    void onInvalid(Invalid invalid);
  }

  /** Plain text for the room. */
  record Say(String text) implements Command {
    @Override
    public void performBy(Performer performer) {
      performer.onSay(this);
    }
  }

  /** {@code /me ACTION}. */
  record Act(String action) implements Command {
    @Override
    public void performBy(Performer performer) {
      performer.onAct(this);
    }
  }

  /** {@code /msg NAME TEXT}: a private message. */
  record Tell(String to, String text) implements Command {
    @Override
    public void performBy(Performer performer) {
      performer.onTell(this);
    }
  }

  /** {@code /who}. */
  record Who() implements Command {
    @Override
    public void performBy(Performer performer) {
      performer.onWho(this);
    }
  }

  /** {@code /nick NEW}. */
  record Nick(String name) implements Command {
    @Override
    public void performBy(Performer performer) {
      performer.onNick(this);
    }
  }

  /** {@code /history [N]}: the last {@code count} events of the room. */
  record History(int count) implements Command {
    @Override
    public void performBy(Performer performer) {
      performer.onHistory(this);
    }
  }

  /** {@code /hb on} or {@code /hb off}. */
  record Heartbeats(boolean on) implements Command {
    @Override
    public void performBy(Performer performer) {
      performer.onHeartbeats(this);
    }
  }

  /**
   * {@code /away REASON} ({@code reason} may be null), or back: {@code /away} alone, {@code /back}.
   */
  record Away(boolean away, String reason) implements Command {
    @Override
    public void performBy(Performer performer) {
      performer.onAway(this);
    }
  }

  /** {@code /help}, or {@code /help NAME} for one command ({@code topic} empty: all of them). */
  record Help(String topic) implements Command {
    @Override
    public void performBy(Performer performer) {
      performer.onHelp(this);
    }
  }

  /** {@code /stats}: what this client dropped from the server, and its link's handshakes. */
  record Stats() implements Command {
    @Override
    public void performBy(Performer performer) {
      performer.onStats(this);
    }
  }

  /**
   * {@code /window N}, {@code /window next}, {@code /window prev}, {@code /window close} ({@code
   * /wc}): the full-screen view's windows; {@code number} for {@link Move#GOTO}.
   */
  record Window(Move move, int number) implements Command {
    public enum Move {
      GOTO,
      NEXT,
      PREVIOUS,
      CLOSE
    }

    @Override
    public void performBy(Performer performer) {
      performer.onWindow(this);
    }
  }

  /** {@code /query NAME}: a window for a private conversation with NAME (full-screen view). */
  record Query(String name) implements Command {
    @Override
    public void performBy(Performer performer) {
      performer.onQuery(this);
    }
  }

  /** {@code /clear}: empties the window shown (full-screen view). */
  record Clear() implements Command {
    @Override
    public void performBy(Performer performer) {
      performer.onClear(this);
    }
  }

  /** {@code /lastlog WORD}: the shown window's lines with WORD, shown again (full-screen view). */
  record Lastlog(String word) implements Command {
    @Override
    public void performBy(Performer performer) {
      performer.onLastlog(this);
    }
  }

  /** {@code /ignore NAME}: hide NAME's messages; {@code name} empty: list the names ignored. */
  record Ignore(String name) implements Command {
    @Override
    public void performBy(Performer performer) {
      performer.onIgnore(this);
    }
  }

  /** {@code /unignore NAME}: show NAME's messages again. */
  record Unignore(String name) implements Command {
    @Override
    public void performBy(Performer performer) {
      performer.onUnignore(this);
    }
  }

  /**
   * {@code /set KEY VALUE}: change a setting and keep it; {@code setting} null ({@code /set}
   * alone): list the settings.
   */
  record Set(Setting setting, String value) implements Command {
    @Override
    public void performBy(Performer performer) {
      performer.onSet(this);
    }
  }

  /** {@code quit} alone on a line, or {@code /quit}. */
  record Quit() implements Command {
    @Override
    public void performBy(Performer performer) {
      performer.onQuit(this);
    }
  }

  /** A blank line: nothing to do. */
  record Nothing() implements Command {
    @Override
    public void performBy(Performer performer) {
      performer.onNothing(this);
    }
  }

  /** A line that looks like a command but is not a valid one; {@code problem} says why. */
  record Invalid(String problem) implements Command {
    @Override
    public void performBy(Performer performer) {
      performer.onInvalid(this);
    }
  }
}
