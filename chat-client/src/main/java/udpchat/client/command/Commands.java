package udpchat.client.command;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import udpchat.client.settings.Setting;
import udpchat.protocol.History;
import udpchat.text.Names;

/** Reads a typed line as a {@link Command}. Lines that start with {@code /} are commands. */
public final class Commands {

  /** One line per command, for {@code /help}. */
  public static final List<String> HELP =
      List.of(
          "TEXT             say TEXT to the room (start it with // to say something beginning"
              + " with /)",
          "/me ACTION       show an action, like: * alice waves",
          "/msg NAME TEXT   send TEXT to NAME only (/m)",
          "/who             list the members of the room (/names, /n)",
          "/nick NEW        change your name",
          "/history [N]     show the last N events of the room (default 20; more than 200: 200)",
          "/hb off | on     stop or restart your heartbeats (watch yourself expire)",
          "/away [REASON]   tell the room you are away (/away alone: you are back)",
          "/back            tell the room you are back",
          "/stats           what this client dropped (forged, unopened) and its handshakes",
          "/query NAME      open a window for a private conversation with NAME (/q; full screen)",
          "/window N        show window N (/w N; Alt-1..9, Alt-0; /window next, /window prev)",
          "/window close    close this private conversation's window",
          "/wc              the same: close this window",
          "/clear           empty the window shown (full screen)",
          "/lastlog WORD    show again the shown window's lines with WORD (full screen)",
          "/ignore [NAME]   hide NAME's messages and private messages, kept in ~/.udpchat/config"
              + " (NAME as the server compares names: /ignore BOB hides bob; their joined and"
              + " left lines still show); /ignore alone lists the names ignored",
          "/unignore NAME   show NAME's messages again",
          "/set [KEY VALUE] list the settings, or change one and keep it in ~/.udpchat/config"
              + " (time_format HH:mm:ss | HH:mm)",
          "/help [NAME]     this list, or what NAME does (/help msg)",
          "quit, /quit      leave the room (Ctrl-D too)");

  /** Each command with what it does, for completion (in the order of {@link #HELP}). */
  public static final Map<String, String> COMPLETIONS = completions();

  /** How many events {@code /history} shows when not told. */
  static final int DEFAULT_HISTORY = 20;

  private Commands() {}

  private static Map<String, String> completions() {
    Map<String, String> commands = new LinkedHashMap<>();
    commands.put("/me", "show an action");
    commands.put("/msg", "a private message");
    commands.put("/who", "list the members");
    commands.put("/nick", "change your name");
    commands.put("/history", "the last events of the room");
    commands.put("/hb", "heartbeats off or on");
    commands.put("/away", "away, with a reason");
    commands.put("/back", "back from away");
    commands.put("/stats", "drops and handshakes");
    commands.put("/query", "a private conversation's window");
    commands.put("/window", "switch or close windows");
    commands.put("/wc", "close this window");
    commands.put("/clear", "empty this window");
    commands.put("/lastlog", "this window's lines with a word");
    commands.put("/ignore", "hide a name's messages");
    commands.put("/unignore", "show a name's messages again");
    commands.put("/set", "list or change a setting");
    commands.put("/help", "the list of commands");
    commands.put("/quit", "leave the room");
    return Collections.unmodifiableMap(commands);
  }

  /** The words after {@code /window} (or {@code /w}). */
  private static Command window(String rest) {
    switch (rest.toLowerCase(Locale.ROOT)) {
      case "close":
        return new Command.Window(Command.Window.Move.CLOSE, 0);
      case "next":
        return new Command.Window(Command.Window.Move.NEXT, 0);
      case "prev":
      case "previous":
        return new Command.Window(Command.Window.Move.PREVIOUS, 0);
      default:
        if (rest.matches("[0-9]{1,4}") && Integer.parseInt(rest) >= 1) {
          return new Command.Window(Command.Window.Move.GOTO, Integer.parseInt(rest));
        }
        return new Command.Invalid("usage: /window N (from 1) | /window next | prev | close");
    }
  }

  /** A command on one name, or why {@code rest} is not one. */
  private static Command named(String rest, String usage, Function<String, Command> command) {
    if (rest.contains(" ")) {
      return new Command.Invalid("usage: " + usage + " (a name has no spaces)");
    }
    return Names.formProblem(rest)
        .<Command>map(problem -> new Command.Invalid("usage: " + usage + ": " + problem))
        .orElseGet(() -> command.apply(rest));
  }

  /** The words after {@code /set}: nothing (list), or a known key and one of its values. */
  private static Command set(String rest) {
    if (rest.isEmpty()) {
      return new Command.Set(null, null);
    }
    String[] words = rest.split("\\s+");
    Optional<Setting> setting = Setting.named(words[0]);
    if (setting.isEmpty() || words.length != 2) {
      return new Command.Invalid(
          "usage: /set KEY VALUE, KEY one of: " + Setting.keys() + " (/set alone lists them)");
    }
    return setting
        .get()
        .parse(words[1])
        .<Command>map(value -> new Command.Set(setting.get(), value))
        .orElseGet(
            () ->
                new Command.Invalid(
                    "usage: /set " + setting.get().key() + " " + setting.get().choices()));
  }

  /** irssi's short names, and the other names of a command, for {@code /help NAME}. */
  private static final Map<String, String> OTHER_NAMES =
      Map.of("/m", "/msg", "/n", "/who", "/names", "/who", "/q", "/query", "/w", "/window");

  /**
   * The lines of {@link #HELP} about {@code topic} (a command with or without its slash, or one of
   * its other names), all of them for an empty topic; empty when no command is called so.
   */
  public static List<String> helpFor(String topic) {
    if (topic.isBlank()) {
      return HELP;
    }
    String asked = topic.strip().toLowerCase(Locale.ROOT);
    String name = OTHER_NAMES.getOrDefault(asked.startsWith("/") ? asked : "/" + asked, asked);
    String command = name.startsWith("/") ? name : "/" + name;
    return HELP.stream()
        .filter(
            line ->
                line.startsWith(command + " ")
                    || command.equals("/quit") && line.startsWith("quit, /quit"))
        .toList();
  }

  public static Command parse(String line) {
    if (line.isBlank()) {
      return new Command.Nothing();
    }
    String trimmed = line.strip();
    if (trimmed.equals("quit")) {
      return new Command.Quit();
    }
    if (!trimmed.startsWith("/")) {
      return new Command.Say(line);
    }
    if (trimmed.startsWith("//")) {
      return new Command.Say(trimmed.substring(1));
    }
    String[] words = trimmed.split("\\s+", 2);
    String rest = words.length > 1 ? words[1] : "";
    switch (words[0].toLowerCase(Locale.ROOT)) { // /NICK as well as /nick
      case "/quit":
        return new Command.Quit();
      case "/who", "/names", "/n":
        return new Command.Who();
      case "/help":
        return helpFor(rest).isEmpty()
            ? new Command.Invalid(
                "no command " + rest + " (/help lists them, each with what it does)")
            : new Command.Help(rest);
      case "/clear":
        return new Command.Clear();
      case "/lastlog":
        return rest.isEmpty()
            ? new Command.Invalid("usage: /lastlog WORD (the shown window's lines with WORD)")
            : new Command.Lastlog(rest);
      case "/stats":
        return new Command.Stats();
      case "/me":
        return rest.isEmpty() ? new Command.Invalid("usage: /me ACTION") : new Command.Act(rest);
      case "/nick":
        return rest.isEmpty() || rest.contains(" ")
            ? new Command.Invalid("usage: /nick NEW (a name has no spaces)")
            : new Command.Nick(rest);
      case "/msg", "/m":
        String[] target = rest.split("\\s+", 2);
        return target.length < 2 || target[0].isEmpty()
            ? new Command.Invalid("usage: /msg NAME TEXT")
            : new Command.Tell(target[0], target[1]);
      case "/history":
        if (rest.isEmpty()) {
          return new Command.History(DEFAULT_HISTORY);
        }
        if (rest.matches("[0-9]{1,18}") && Long.parseLong(rest) >= 1) {
          // Beyond what the server keeps: capped, and the client says so (not refused).
          return new Command.History((int) Math.min(Long.parseLong(rest), Integer.MAX_VALUE));
        }
        return new Command.Invalid(
            "usage: /history [N], N a number from 1 (at most " + History.MAX_COUNT + " shown)");
      case "/away":
        return rest.isEmpty() ? new Command.Away(false, null) : new Command.Away(true, rest);
      case "/back":
        return new Command.Away(false, null);
      case "/window", "/w":
        return window(rest);
      case "/wc":
        return rest.isEmpty()
            ? new Command.Window(Command.Window.Move.CLOSE, 0)
            : new Command.Invalid("usage: /wc (closes the window shown)");
      case "/query", "/q":
        return rest.isEmpty() || rest.contains(" ")
            ? new Command.Invalid("usage: /query NAME (a name has no spaces)")
            : new Command.Query(rest);
      case "/ignore":
        return rest.isEmpty()
            ? new Command.Ignore("")
            : named(rest, "/ignore NAME", Command.Ignore::new);
      case "/unignore":
        return rest.isEmpty()
            ? new Command.Invalid("usage: /unignore NAME (/ignore lists the names ignored)")
            : named(rest, "/unignore NAME", Command.Unignore::new);
      case "/set":
        return set(rest);
      case "/hb":
        if (rest.equals("on") || rest.equals("off")) {
          return new Command.Heartbeats(rest.equals("on"));
        }
        return new Command.Invalid("usage: /hb off | /hb on");
      default:
        return new Command.Invalid(
            "unknown command "
                + words[0]
                + " (/help lists the commands; // sends a line that"
                + " starts with /)");
    }
  }
}
