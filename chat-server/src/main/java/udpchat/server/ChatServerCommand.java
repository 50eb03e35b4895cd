package udpchat.server;

import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import sun.misc.Signal;
import udpchat.cli.CommandLines;
import udpchat.cli.Ranges;
import udpchat.cli.Version;
import udpchat.crypto.RoomKeyOptions;
import udpchat.discovery.DiscoveryProtocol;
import udpchat.log.StopOnFatalError;
import udpchat.net.FaultOptions;
import udpchat.server.discovery.DiscoveryResponder;
import udpchat.server.journal.DefaultDataFolder;
import udpchat.server.journal.StartRefused;
import udpchat.text.Names;
import udpchat.time.Durations;
import udpchat.time.MonotonicClock;

/** The {@code chat-server} command line: parses the options and runs a {@link ChatServer}. */
@Command(
    name = "chat-server",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Runs a UDP group-chat room on one socket, and answers clients that look for servers on"
          + " the LAN on another (--discovery-port; --no-discovery turns that off).",
      "Members stay in the room while they send datagrams (chat or heartbeats); one silent for"
          + " longer than --timeout is expired and the room is told. Ctrl-C or SIGTERM tells the"
          + " members the server is going away and exits 0.",
      "Every message is numbered, acknowledged, and sent again until each member has it, in the"
          + " room's order; the room's events are kept in a journal on disk (--data).",
      "A join is let in only once its source address has proven it receives (a cookie the"
          + " server sent there); until then the server keeps nothing about the address and never"
          + " sends it more bytes than it received. Each source address is held to --rate-limit.",
      "Logs go to standard output; -Dlogback.configurationFile=FILE replaces the logging setup."
    })
public final class ChatServerCommand implements Callable<Integer> {

  /** The shortest --timeout: clients are asked for a heartbeat every third of it, 100 ms. */
  static final Duration MIN_TIMEOUT = Duration.ofMillis(300);

  static final Duration MAX_TIMEOUT = Duration.ofHours(1);

  /** The shortest --sweep; the longest is --timeout, or nothing would expire in time. */
  static final Duration MIN_SWEEP = Duration.ofMillis(10);

  @Spec CommandSpec spec;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      defaultValue = "0.0.0.0",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, every interface).")
  InetAddress bind;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      defaultValue = "9999",
      description =
          "UDP port to listen on, 0 to 65535, 0 for any free port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      defaultValue = "15s",
      converter = Durations.class,
      description =
          "Expire a member whose last datagram is older than this (default: ${DEFAULT-VALUE};"
              + " 300ms to 1h). Clients are asked to send a heartbeat every third of it.")
  Duration timeout;

  @Option(
      names = "--sweep",
      paramLabel = "DURATION",
      defaultValue = "1s",
      converter = Durations.class,
      description =
          "How often to check for expired members (default: ${DEFAULT-VALUE}; 10ms up to"
              + " --timeout). A silent member is"
              + " expired between --timeout and --timeout plus --sweep after its last datagram.")
  Duration sweep;

  @Option(
      names = "--history",
      paramLabel = "N",
      defaultValue = "" + ServerConfig.DEFAULT_HISTORY,
      description =
          "Room events kept in memory, 1 to 100000 (default: ${DEFAULT-VALUE}): what is sent again"
              + " to members that missed it, and what /history shows. A member further behind is"
              + " told how many it missed.")
  int history;

  @Option(
      names = "--backlog",
      paramLabel = "N",
      defaultValue = "" + ServerConfig.DEFAULT_BACKLOG,
      description =
          "Recent messages shown to a member that joins, 0 up to --history (default:"
              + " ${DEFAULT-VALUE}).")
  int backlog;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Folder of the room's journal, room.log: every event is appended to it, and a restarted"
              + " server reloads its history from it and goes on numbering. One server at a time"
              + " holds a folder (a lock); a private room's journal is sealed with its key"
              + " (default: ~/.udpchat/server/ROOM, or -Dudpchat.home=DIR's server/ROOM).")
  Path data;

  @Option(
      names = "--max-members",
      paramLabel = "N",
      defaultValue = "" + ServerConfig.DEFAULT_MAX_MEMBERS,
      description =
          "Members the room holds, 1 to 100000 (default: ${DEFAULT-VALUE}); a join beyond is"
              + " refused with room-full, and the client says so and keeps trying.")
  int maxMembers;

  @Option(
      names = "--max-per-address",
      paramLabel = "N",
      defaultValue = "" + ServerConfig.DEFAULT_MAX_PER_ADDRESS,
      description =
          "Members one IP address may have in the room, 1 to 100000 (default: ${DEFAULT-VALUE}),"
              + " so one host with many sockets cannot take every place; a join beyond is refused"
              + " with room-full.")
  int maxPerAddress;

  @Option(
      names = "--rate-limit",
      paramLabel = "N",
      defaultValue = "" + ServerConfig.DEFAULT_RATE_LIMIT,
      description =
          "Datagrams a second each source IP address may send, 0 (no limit) to 1000000 (default:"
              + " ${DEFAULT-VALUE}, far more than a client sends). The excess is dropped before it"
              + " is decoded, and counted as rate-limited.")
  int rateLimit;

  @Option(
      names = "--burst",
      paramLabel = "N",
      defaultValue = "" + ServerConfig.DEFAULT_BURST,
      description =
          "Datagrams a source IP address may send at once above --rate-limit, 1 to 1000000"
              + " (default: ${DEFAULT-VALUE}).")
  int burst;

  @Mixin RoomKeyOptions roomKey;

  @Mixin FaultOptions simulate;

  @Option(
      names = "--room",
      paramLabel = "NAME",
      defaultValue = "udpchat",
      description =
          "The room's name, given to clients that look for servers on the LAN (default:"
              + " ${DEFAULT-VALUE}).")
  String room;

  @Option(
      names = "--discovery-port",
      paramLabel = "PORT",
      defaultValue = "" + DiscoveryProtocol.DEFAULT_PORT,
      description =
          "UDP port to answer discovery requests on, from clients started without --host, 0 to"
              + " 65535 (default: ${DEFAULT-VALUE}).")
  int discoveryPort;

  @Option(
      names = "--no-discovery",
      description = "Do not answer discovery requests: clients then need --host.")
  boolean noDiscovery;

  @Option(
      names = "--http",
      paramLabel = "ADDR:PORT",
      description =
          "Where to serve the operator's HTTP side (the status page /, /metrics, /health, /api/*)"
              + " on TCP, or off (default:"
              + " 127.0.0.1 and the UDP port's number). A non-loopback address needs"
              + " --http-token-file.")
  String http;

  @Option(
      names = "--http-token-file",
      paramLabel = "FILE",
      description =
          "A file whose first line is the bearer token every HTTP request must carry"
              + " (Authorization: Bearer TOKEN; 401 without it).")
  Path httpTokenFile;

  @Override
  public Integer call() throws Exception {
    Ranges.check(spec, "--port", port, 0, 65535);
    if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
      throw new ParameterException(
          spec.commandLine(),
          "--timeout "
              + Durations.format(timeout)
              + " is out of range: between 300ms (a heartbeat every 100ms) and 1h");
    }
    if (sweep.compareTo(MIN_SWEEP) < 0 || sweep.compareTo(timeout) > 0) {
      throw new ParameterException(
          spec.commandLine(),
          "--sweep "
              + Durations.format(sweep)
              + " is out of range: between 10ms and --timeout ("
              + Durations.format(timeout)
              + ")");
    }
    Ranges.check(spec, "--discovery-port", discoveryPort, 0, 65535);
    Optional<String> roomProblem = Names.problem(room);
    if (roomProblem.isPresent()) {
      throw new ParameterException(spec.commandLine(), "--room: " + roomProblem.get());
    }
    Ranges.check(spec, "--history", history, 1, ServerConfig.MAX_HISTORY);
    Ranges.check(spec, "--backlog", backlog, 0, history);
    Ranges.check(spec, "--max-members", maxMembers, 1, ServerConfig.MAX_MEMBERS);
    Ranges.check(spec, "--max-per-address", maxPerAddress, 1, ServerConfig.MAX_MEMBERS);
    Ranges.check(spec, "--rate-limit", rateLimit, 0, ServerConfig.MAX_RATE);
    Ranges.check(spec, "--burst", burst, 1, ServerConfig.MAX_RATE);
    HttpOptions httpOptions = HttpOptions.parse(spec, http, httpTokenFile);
    ServerConfig config =
        new ServerConfig(
            new InetSocketAddress(bind, port),
            timeout,
            sweep,
            history,
            backlog,
            data != null ? data : DefaultDataFolder.of(DefaultDataFolder.home(), room),
            simulate.faults(),
            maxMembers,
            maxPerAddress,
            rateLimit,
            burst,
            roomKey.roomKey());
    CountDownLatch stop = new CountDownLatch(1);
    // Handling the signals ourselves (not a shutdown hook) lets the server say goodbye and
    // still exit 0 on Ctrl-C or SIGTERM.
    Signal.handle(new Signal("INT"), signal -> stop.countDown());
    Signal.handle(new Signal("TERM"), signal -> stop.countDown());
    try (ChatServer server =
            new ChatServer(config, MonotonicClock.INSTANCE, Clock.systemUTC()).start();
        DiscoveryResponder discovery =
            noDiscovery ? null : DiscoveryStart.orWarn(server, discoveryPort, room, bind);
        AutoCloseable web = httpOptions.start(server, room, spec.commandLine().getErr())) {
      if (web == null && httpOptions.enabled()) {
        return 1; // the one line is said
      }
      stop.await();
    } catch (BindException | StartRefused | FileSystemException e) {
      spec.commandLine().getErr().println("chat-server: " + StartFailure.explain(e, config));
      return 1;
    }
    return 0;
  }

  public static void main(String[] args) {
    StopOnFatalError.install("the server"); // a thread that dies of an Error stops it, exit 70
    System.exit(CommandLines.of(new ChatServerCommand()).execute(args));
  }
}
