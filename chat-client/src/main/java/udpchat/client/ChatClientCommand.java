package udpchat.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import udpchat.cli.CommandLines;
import udpchat.cli.Version;
import udpchat.client.discovery.ServerFinder;
import udpchat.client.room.Roster;
import udpchat.client.settings.ConfigFile;
import udpchat.client.trust.ServerTrust;
import udpchat.client.view.StatusSink;
import udpchat.client.view.View;
import udpchat.client.view.format.Palette;
import udpchat.crypto.DatagramSeal;
import udpchat.crypto.RoomKey;
import udpchat.crypto.RoomKeyOptions;
import udpchat.discovery.DiscoveryProtocol;
import udpchat.net.FaultOptions;
import udpchat.net.Faults;
import udpchat.text.Names;
import udpchat.time.Durations;
import udpchat.time.MonotonicClock;

/** The {@code chat-client} command line: parses the options, picks the view, runs the client. */
@Command(
    name = "chat-client",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Joins a UDP chat room. Type to talk; /help lists the commands; quit, /quit or Ctrl-D"
          + " leaves. On a terminal the client takes the full screen: window 1 for the server,"
          + " 2 for the room, one per private conversation (/query NAME); Alt-1..9 or /window N"
          + " switch, PageUp/PageDown scroll back.",
      "Line history is kept in ~/.udpchat/history, the keys of servers met in"
          + " ~/.udpchat/known_servers, what /ignore and /set keep in ~/.udpchat/config,"
          + " warnings in ~/.udpchat/client.log (-Dudpchat.home=DIR"
          + " moves them; a new folder is made 0700, its files 0600)."
    })
public final class ChatClientCommand implements Callable<Integer> {

  /** How long to wait for servers to answer a discovery request. */
  static final Duration DISCOVERY_WAIT = Duration.ofMillis(1500);

  /** The heartbeat's range: below 100 ms a client floods its own server for nothing. */
  static final Duration MIN_HEARTBEAT = Duration.ofMillis(100);

  static final Duration MAX_HEARTBEAT = Duration.ofMinutes(20); // a third of --timeout's 1h

  @Spec CommandSpec spec;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description =
          "The server's host name or address. Without it, the client looks for servers on the"
              + " LAN and on this machine, joins the one that answers, or asks which.")
  String host;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "9999",
      description = "The server's UDP port, with --host, 1 to 65535 (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--discover",
      description =
          "List the servers that answer a discovery request (address, room, key), and exit.")
  boolean discover;

  @Option(
      names = "--discovery-port",
      paramLabel = "PORT",
      defaultValue = "" + DiscoveryProtocol.DEFAULT_PORT,
      description =
          "The UDP port servers answer discovery on, 1 to 65535 (default: ${DEFAULT-VALUE}).")
  int discoveryPort;

  @Option(
      names = "--discover-to",
      paramLabel = "ADDR",
      split = ",",
      description =
          "Where to send the discovery request, instead of the broadcast address of every IPv4"
              + " interface, 255.255.255.255 and 127.255.255.255 (this machine).")
  List<InetAddress> discoverTo;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description =
          "Your name in the room: letters, digits and _ - . (up to 32) of one script (no Latin"
              + " mixed with Cyrillic or Greek), unique ignoring case and width. Asked for when"
              + " not given.")
  String name;

  @Option(
      names = "--heartbeat",
      paramLabel = "DURATION",
      converter = Durations.class,
      description =
          "Send a heartbeat this often, like 2s, 100ms to 20m (default: what the server asks, a third of its"
              + " timeout).")
  Duration heartbeat;

  @Option(
      names = "--plain",
      description =
          "Plain line mode: one command per input line, one event per output line, no terminal"
              + " codes. The default when input or output is not a terminal.")
  boolean plain;

  @Option(
      names = "--scrolling",
      description =
          "The line view instead of the full-screen one: messages scroll above the prompt into the"
              + " terminal's own scrollback, one status line below; no windows.")
  boolean scrolling;

  @Option(
      names = "--no-color",
      description =
          "No colours. Also off when the NO_COLOR environment variable is set (to anything but"
              + " empty) or the terminal has none.")
  boolean noColor;

  @Option(
      names = "--server-key",
      paramLabel = "FINGERPRINT",
      description =
          "Trust only the server with this key (SHA256:... as the server prints it when it"
              + " starts, or its short form abcde-fghij-klmno-pqrst); anything else is refused."
              + " Without it, the key a server shows first is remembered in"
              + " ~/.udpchat/known_servers, and a later change is refused.")
  String serverKey;

  @Mixin RoomKeyOptions roomKeyOptions;

  @Mixin FaultOptions simulate;

  /** The private room's key, or null; derived once, before anything is sent. */
  private RoomKey roomKey;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (port < 1 || port > 65535) {
      throw new ParameterException(spec.commandLine(), "--port must be between 1 and 65535");
    }
    if (discoveryPort < 1 || discoveryPort > 65535) {
      throw new ParameterException(
          spec.commandLine(), "--discovery-port must be between 1 and 65535");
    }
    if (heartbeat != null
        && (heartbeat.compareTo(MIN_HEARTBEAT) < 0 || heartbeat.compareTo(MAX_HEARTBEAT) > 0)) {
      throw new ParameterException(
          spec.commandLine(),
          "--heartbeat " + Durations.format(heartbeat) + " is out of range: between 100ms and 20m");
    }
    if (name != null) {
      Optional<String> problem = Names.problem(name);
      if (problem.isPresent()) {
        throw new ParameterException(spec.commandLine(), "--name: " + problem.get());
      }
    }
    if (serverKey != null) {
      Optional<String> problem = ServerTrust.problem(serverKey);
      if (problem.isPresent()) {
        throw new ParameterException(spec.commandLine(), "--server-key: " + problem.get());
      }
    }
    Faults faults = simulate.faults();
    roomKey = roomKeyOptions.roomKey();
    List<ServerFinder.Found> found = List.of();
    if (host == null || discover) {
      if (System.console() != null && !discover) {
        // A moment of silence otherwise; on standard error, so plain output stays events only.
        spec.commandLine().getErr().println("looking for chat servers (--host HOST to skip)...");
        spec.commandLine().getErr().flush();
      }
      ServerFinder finder = finder();
      found = finder.find();
      if (discover) {
        found.forEach(server -> spec.commandLine().getOut().println(server));
        spec.commandLine().getOut().flush();
        if (found.isEmpty()) {
          spec.commandLine().getErr().println(finder.noAnswer());
        }
        return found.isEmpty() ? 1 : 0;
      }
      if (found.isEmpty()) {
        spec.commandLine().getErr().println(finder.noAnswer());
        return 1;
      }
    }
    InetSocketAddress server =
        host != null ? new InetSocketAddress(host, port) : found.get(0).address();
    if (server.isUnresolved()) {
      throw new ParameterException(spec.commandLine(), "cannot resolve --host " + host);
    }
    Path home;
    try {
      home = home();
    } catch (FileSystemException e) {
      // A folder that cannot be made (a file in its place, no permission): one line.
      spec.commandLine()
          .getErr()
          .println(
              "chat-client: cannot use "
                  + CommandLines.describe(e)
                  + "; -Dudpchat.home=DIR chooses the folder");
      return 1;
    }
    Roster roster = new Roster();
    boolean colourless = Palette.noColorAsked(noColor, System.getenv("NO_COLOR"));
    ViewChoice choice =
        plain || System.console() == null
            ? ViewChoice.PLAIN
            : scrolling ? ViewChoice.SCROLLING : ViewChoice.FULL_SCREEN;
    String room = found.size() == 1 ? found.get(0).room() : null;
    try (View view = choice.open(home.resolve("history"), colourless, roster, room)) {
      ServerFinder.Found picked =
          found.size() > 1
              ? StartQuestions.chooseServer(view, found)
              : found.stream().findFirst().orElse(null);
      if (picked == null && !found.isEmpty()) {
        return 0; // input ended before a server was chosen
      }
      server = picked != null ? picked.address() : server;
      String chosen = name != null ? name : StartQuestions.askName(view);
      if (chosen == null) {
        return 0; // input ended before a name was given
      }
      ClientConfig config =
          new ClientConfig(
              server,
              chosen,
              heartbeat,
              faults,
              roomKey,
              new ServerTrust(
                  home.resolve(ClientHome.KNOWN_SERVERS),
                  serverKey,
                  picked != null ? picked.serverKey() : null),
              home.resolve(ConfigFile.NAME));
      StatusSink statusLine = view instanceof StatusSink sink ? sink : StatusSink.NONE;
      try (ChatClient client =
          new ChatClient(
              config, view, MonotonicClock.INSTANCE, Clock.systemUTC(), roster, statusLine)) {
        return client.run();
      }
    }
  }

  private ServerFinder finder() {
    List<InetSocketAddress> targets =
        discoverTo == null
            ? ServerFinder.broadcastTargets(discoveryPort)
            : discoverTo.stream().map(a -> new InetSocketAddress(a, discoveryPort)).toList();
    // The wait is a timer: on the wall clock, a step back of an hour would make it an hour long.
    return new ServerFinder(
        targets, DISCOVERY_WAIT, DatagramSeal.of(roomKey), MonotonicClock.INSTANCE);
  }

  /** The folder for the history file and the log, made private (see {@link ClientHome}). */
  static Path home() throws IOException {
    return ClientHome.prepare(ClientHome.folder());
  }

  public static void main(String[] args) {
    try {
      ClientHome.prepare(ClientHome.folder()); // before the first log line creates the log file
    } catch (IOException e) {
      // said when call() needs the folder; the chat itself can run without it
    }
    System.exit(CommandLines.of(new ChatClientCommand()).execute(args));
  }
}
