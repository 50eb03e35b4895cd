package udpchat.bench;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import udpchat.bench.load.MemberPool;
import udpchat.cli.CommandLines;
import udpchat.cli.Ranges;
import udpchat.cli.Version;
import udpchat.time.Durations;

/** The {@code chat-bench} command line: runs the scenarios and prints their figures. */
@Command(
    name = "chat-bench",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Load generator for the chat server: N simulated members, each a real UDP socket on"
          + " loopback, join by the protocol, heartbeat, acknowledge their stream, and chosen"
          + " senders send; the server runs as a child process whose CPU time and memory are read"
          + " from its pid. Every figure comes with the same load on a raw reflector (receive one"
          + " datagram, send it to the N members; no protocol) in the same run.",
      "Scenarios: fanout (N = 10, 100, 1000, closed loop), latency (100 members, 1000 msg/s),"
          + " reliable (100 members, closed loop and 500 msg/s, at 0%% and 5%% simulated loss"
          + " at the server), overload (1.6 times the capacity measured first, 10 senders),"
          + " presence (10000 members pinging once a second for 60 s, no messages). Default:"
          + " all of them. Besides, not in the default: garbage (100 members, 10 of them"
          + " sending 200 msg/s together, alone and then on a fresh server while 126,000 garbage"
          + " datagrams from 200 loopback addresses, 127.0.1.2 and up, flood it: the server's"
          + " resident memory idle, at its peak and 3 s after, its drops by reason from its"
          + " /api/stats, and the chat's figures during the flood).",
      "The server gets the heap ./run.sh server gives it: 128 MB and 2 KB per member of its"
          + " --max-members and per event of its --history.",
      "Progress goes to standard error, a table per scenario to standard output, and --json FILE"
          + " writes the same figures. Only loopback addresses are ever used."
    })
public final class BenchCommand implements Callable<Integer> {

  static final List<String> SUITE =
      List.of("fanout", "latency", "reliable", "overload", "presence");

  /** Every scenario: the suite, and those run only when named. */
  static final List<String> SCENARIOS =
      List.of("fanout", "latency", "reliable", "overload", "presence", "garbage");

  /** More garbage than this would only take longer: the flood's memory is its rate's. */
  static final long MAX_GARBAGE = 100_000_000;

  /** One process holds at most about 19,000 sockets here (its open-file limit). */
  static final int MAX_MEMBERS = 19_000;

  /** A window beyond 4096 messages only queues: the closed loop's default is at most 32. */
  static final int MAX_WINDOW = 4096;

  /** Far beyond what the server delivers (about a million datagrams a second at best). */
  static final double MAX_RATE = 1_000_000;

  @Spec CommandSpec spec;

  @Option(
      names = "--scenario",
      paramLabel = "NAME",
      split = ",",
      description =
          "Scenarios to run, comma-separated: fanout, latency, reliable, overload, presence,"
              + " garbage (default: all but garbage, in that order).")
  List<String> scenarios;

  @Option(
      names = "--members",
      paramLabel = "N",
      description =
          "Members in every scenario instead of its own, 1 to 19000 (fanout: 10, 100, 1000;"
              + " latency, reliable, overload, garbage: 100; presence: 10000).")
  Integer members;

  @Option(
      names = "--senders",
      paramLabel = "N",
      defaultValue = "1",
      description = "How many of the members send, 1 to 19000 (default: ${DEFAULT-VALUE}).")
  int senders;

  @Option(
      names = "--rate",
      paramLabel = "MSG/S",
      description =
          "Messages per second offered by the senders together, above 0 and up to 1000000,"
              + " instead of the closed loop (fanout, reliable) or the scenario's rate (latency:"
              + " 1000, garbage: 200).")
  Double rate;

  @Option(
      names = "--window",
      paramLabel = "N",
      description =
          "The closed loop: messages on their way per sender, 1 to 4096; the next is sent when"
              + " one of the sender's own comes back to it (default: 4096 datagrams' worth, 4096 / (members"
              + " x senders), between 2 and 32; beyond 32 the rest wait at the sender, as the"
              + " client sends only its first 32 unanswered). With --rate, the most a sender has unconfirmed"
              + " (default 32,"
              + " as the client sends only its first 32 unanswered); what is due beyond it is"
              + " refused and counted.")
  Integer window;

  @Option(
      names = "--size",
      paramLabel = "BYTES",
      defaultValue = "100",
      description =
          "Bytes of each message's text, 32 to 700 (default: ${DEFAULT-VALUE}); the datagram the"
              + " members get is the whole chat message around it, about 100 bytes more.")
  int size;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      converter = Durations.class,
      description =
          "The measured time of each run, 100ms to 1h (default: 10s; presence 60s; the"
              + " garbage scenario's flooded run: the flood's time, 1 s at the least).")
  Duration duration;

  @Option(
      names = "--warmup",
      paramLabel = "DURATION",
      converter = Durations.class,
      description = "Load before the measured time, not counted, up to 10m (default: 2s).")
  Duration warmup;

  @Option(
      names = "--quick",
      description = "Short runs (3s, presence 1000 members for 10s): a first look in a minute.")
  boolean quick;

  @Option(
      names = "--smoke",
      description =
          "Every scenario in a few seconds with 10 members (presence: 50; garbage: 20 members,"
              + " 100 msg/s, 5000 datagrams): checks that the bench works (what CI runs), not a"
              + " measurement.")
  boolean smoke;

  @Option(
      names = "--http-attack",
      description =
          "latency: run the server a second time while a hostile HTTP client attacks its HTTP port"
              + " (a slowloris, a flood of requests, oversized heads), to compare the p99.")
  boolean httpAttack;

  @Option(
      names = "--garbage",
      paramLabel = "N",
      description =
          "garbage: datagrams in the flood, 1 to 100000000 (default: 126000), a quarter each of"
              + " random bytes, JSON-shaped junk, hello-shaped (0xE1 0x03, 1200 bytes) and"
              + " sealed-shaped (0xE4) datagrams, sent as fast as one thread manages; the"
              + " flooded run's window lasts until they are sent, 1 s at the least.")
  Long garbage;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures to FILE.")
  Path json;

  @Option(
      names = "--server-arg",
      paramLabel = "ARG",
      description =
          "One more argument for every chat server started (repeatable; an option as"
              + " --server-arg=--name).")
  List<String> serverArgs = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    List<String> chosen = scenarios == null || scenarios.isEmpty() ? SUITE : scenarios;
    for (String name : chosen) {
      if (!SCENARIOS.contains(name)) {
        throw new ParameterException(
            spec.commandLine(),
            "unknown scenario " + name + "; one of " + String.join(", ", SCENARIOS));
      }
    }
    Ranges.check(spec, "--senders", senders, 1, MAX_MEMBERS);
    if (members != null) {
      Ranges.check(spec, "--members", members, 1, MAX_MEMBERS);
    }
    if (window != null) {
      Ranges.check(spec, "--window", window, 1, MAX_WINDOW);
    }
    Ranges.check(spec, "--size", size, 32, 700);
    if (rate != null) {
      Ranges.checkAbove(spec, "--rate", rate, 0, MAX_RATE);
    }
    if (garbage != null) {
      Ranges.check(spec, "--garbage", garbage, 1, MAX_GARBAGE);
    }
    if (duration != null) {
      Ranges.check(spec, "--duration", duration, Duration.ofMillis(100), Duration.ofHours(1));
    }
    if (warmup != null) {
      Ranges.check(spec, "--warmup", warmup, Duration.ZERO, Duration.ofMinutes(10));
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter progress = spec.commandLine().getErr();
    Path scratch = Files.createTempDirectory("udpchat-bench-");
    List<RunResult> all = new ArrayList<>();
    Scenarios runs =
        new Scenarios(
            members,
            senders,
            rate,
            window,
            size,
            duration,
            warmup,
            quick,
            smoke,
            httpAttack,
            garbage);
    int largest = chosen.stream().mapToInt(runs::largestN).max().orElse(10);
    try (MemberPool pool =
        new MemberPool(largest, InetAddress.getLoopbackAddress(), MEMBER_BUFFER, MEMBER_BUFFER)
            .start()) {
      Bench bench = new Bench(progress, serverArgs, scratch);
      for (String scenario : chosen) {
        List<RunResult> results = runs.run(scenario, bench, pool);
        Report.ratios(results);
        Report.table(scenario, results, out);
        all.addAll(results);
      }
    } finally {
      deleteTree(scratch);
    }
    if (json != null) {
      Report.json(json, Report.machine(), all);
      progress.println("bench: figures written to " + json);
    }
    return 0;
  }

  /** Each member socket asks for 1 MB of receive and send buffer (the kernel may cap it). */
  static final int MEMBER_BUFFER = 1 << 20;

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (java.io.IOException e) {
      // a temporary folder left behind is no failure of the run
    }
  }

  public static void main(String[] args) {
    System.exit(CommandLines.of(new BenchCommand()).execute(args));
  }
}
