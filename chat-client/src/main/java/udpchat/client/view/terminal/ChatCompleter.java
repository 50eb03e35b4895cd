package udpchat.client.view.terminal;

import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import udpchat.client.settings.Setting;
import udpchat.client.view.RosterView;
import udpchat.text.Names;
import udpchat.text.Sanitizer;

/**
 * Tab completion: a command name at the start of a line beginning with {@code /}, a member's name
 * after {@code /msg}, {@code /query} (and {@code /m}, {@code /q}), {@code /ignore}, {@code
 * /unignore} and anywhere in a message (with {@code ": "} after it when it starts the message, as
 * irssi does), a command after {@code /help}, {@code on}/{@code off} after {@code /hb}, and the
 * keys and values of {@code /set}. The names come from a {@link RosterView}, so they follow the
 * room; each may carry a remark (idle, away) shown beside it in the list.
 *
 * <p>Runs inside the line reader on the input thread (the full screen's: on its screen thread): it
 * reads the roster (which never calls out) and nothing else, so it cannot deadlock with the session
 * (see {@link TerminalView}).
 */
public final class ChatCompleter implements Completer {

  private final Map<String, String> commands;
  private final RosterView roster;

  /**
   * @param commands each command (like {@code /msg}) with its one-line description
   * @param roster where the names come from
   */
  public ChatCompleter(Map<String, String> commands, RosterView roster) {
    this.commands = commands;
    this.roster = roster;
  }

  /** The keys of {@code /set} ({@code key} null), or the values of {@code key}. */
  private static void settings(String key, List<Candidate> candidates) {
    if (key == null) {
      for (Setting setting : Setting.values()) {
        candidates.add(
            new Candidate(
                setting.key(), setting.key(), "settings", setting.choices(), null, null, true));
      }
      return;
    }
    Setting.named(key)
        .ifPresent(setting -> setting.valid().forEach(v -> candidates.add(new Candidate(v))));
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    List<String> words = line.words();
    String first = words.isEmpty() ? "" : words.get(0);
    if (line.wordIndex() == 0 && first.startsWith("/")) {
      commands.forEach(
          (command, description) ->
              candidates.add(
                  new Candidate(command, command, "commands", description, null, null, true)));
      return;
    }
    if (line.wordIndex() == 1 && first.equals("/hb")) {
      candidates.add(new Candidate("on"));
      candidates.add(new Candidate("off"));
      return;
    }
    if (line.wordIndex() == 1 && first.equals("/help")) {
      commands.keySet().forEach(command -> candidates.add(new Candidate(command.substring(1))));
      return;
    }
    if (first.equals("/set") && (line.wordIndex() == 1 || line.wordIndex() == 2)) {
      settings(line.wordIndex() == 1 ? null : words.get(1), candidates);
      return;
    }
    boolean text = !first.startsWith("/") || first.startsWith("//");
    boolean named = List.of("/msg", "/m", "/query", "/q", "/ignore", "/unignore").contains(first);
    // A name that starts a message is said to that member, as in irssi: "bob: ".
    String after = text && line.wordIndex() == 0 ? ":" : "";
    if (!text && !named && !first.equals("/me")) {
      return; // /nick, /who, /away ...: no name to complete
    }
    String me = roster.me();
    for (RosterView.Entry member : roster.members()) {
      if (me != null && Names.key(member.name()).equals(Names.key(me))) {
        continue; // nobody completes their own name
      }
      String remark = member.remark() == null ? null : Sanitizer.clean(member.remark());
      candidates.add(
          new Candidate(member.name() + after, member.name(), "members", remark, null, null, true));
    }
  }
}
