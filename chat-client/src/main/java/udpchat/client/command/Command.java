package udpchat.client.command;

/** What a typed line asks for; {@link Commands#parse} makes one from each line. */
public sealed interface Command {

  /** Plain text for the room. */
  record Say(String text) implements Command {}

  /** {@code /me ACTION}. */
  record Act(String action) implements Command {}

  /** {@code /msg NAME TEXT}: a private message. */
  record Tell(String to, String text) implements Command {}

  /** {@code /who}. */
  record Who() implements Command {}

  /** {@code /nick NEW}. */
  record Nick(String name) implements Command {}

  /** {@code /history [N]}: the last {@code count} events of the room. */
  record History(int count) implements Command {}

  /** {@code /hb on} or {@code /hb off}. */
  record Heartbeats(boolean on) implements Command {}

  /**
   * {@code /away REASON} ({@code reason} may be null), or back: {@code /away} alone, {@code /back}.
   */
  record Away(boolean away, String reason) implements Command {}

  /** {@code /help}. */
  record Help() implements Command {}

  /** {@code quit} alone on a line, or {@code /quit}. */
  record Quit() implements Command {}

  /** A blank line: nothing to do. */
  record Nothing() implements Command {}

  /** A line that looks like a command but is not a valid one; {@code problem} says why. */
  record Invalid(String problem) implements Command {}
}
