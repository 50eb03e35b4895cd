package udpchat.client;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import udpchat.client.command.Commands;
import udpchat.client.room.Roster;
import udpchat.client.view.View;
import udpchat.client.view.format.EventFormat;
import udpchat.client.view.screen.FullScreenView;
import udpchat.client.view.terminal.PlainView;
import udpchat.client.view.terminal.TerminalView;

/**
 * The three views the command line chooses from: full screen (a terminal, the default), the
 * scrolling line view ({@code --scrolling}), and plain lines ({@code --plain}, or no terminal).
 */
enum ViewChoice {
  FULL_SCREEN,
  SCROLLING,
  PLAIN;

  /**
   * Opens the view, times in the system's zone.
   *
   * @param historyFile where typed lines are kept for Up and Down (not in plain mode)
   * @param room the room's name if known (a discovery answer), for its window; or {@code null}
   */
  View open(Path historyFile, boolean colourless, Roster roster, String room) {
    return switch (this) {
      case FULL_SCREEN ->
          new FullScreenView(
              historyFile,
              Clock.systemDefaultZone(),
              colourless,
              roster,
              Commands.COMPLETIONS,
              room);
      case SCROLLING ->
          new TerminalView(
              historyFile, ZoneId.systemDefault(), colourless, roster, Commands.COMPLETIONS);
      case PLAIN -> new PlainView(System.in, System.out, new EventFormat(ZoneId.systemDefault()));
    };
  }

  /** A terminal that cannot move its cursor (TERM=dumb, or none said) gets the line view. */
  private static boolean dumbTerminal() {
    String term = System.getenv("TERM");
    return term == null || term.isBlank() || term.equals("dumb");
  }
}
