package udpchat.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import udpchat.bench.load.MemberPool;

/**
 * What each scenario runs ({@code fanout}, {@code latency}, {@code reliable}, {@code overload},
 * {@code presence}, {@code garbage}): the {@link RunSpec}s it makes from the command line's
 * choices, each with its own defaults where an option was not given.
 */
final class Scenarios {

  private final Integer members;
  private final int senders;
  private final Double rate;
  private final Integer window;
  private final int size;
  private final Duration duration;
  private final Duration warmup;
  private final boolean quick;
  private final boolean smoke;
  private final boolean httpAttack;
  private final Long garbage;

  /** The options of {@link BenchCommand}, each {@code null} where not given. */
  Scenarios(
      Integer members,
      int senders,
      Double rate,
      Integer window,
      int size,
      Duration duration,
      Duration warmup,
      boolean quick,
      boolean smoke,
      boolean httpAttack,
      Long garbage) {
    this.members = members;
    this.senders = senders;
    this.rate = rate;
    this.window = window;
    this.size = size;
    this.duration = duration;
    this.warmup = warmup;
    this.quick = quick;
    this.smoke = smoke;
    this.httpAttack = httpAttack;
    this.garbage = garbage;
  }

  /** Runs {@code scenario}: its runs, each against the reflector first where it has one. */
  List<RunResult> run(String scenario, Bench bench, MemberPool pool) throws Exception {
    List<RunResult> results = new ArrayList<>();
    switch (scenario) {
      case "fanout" -> {
        for (int n : fanoutSizes()) {
          RunSpec run = spec(scenario, n, rate == null ? 0 : rate, 0);
          results.add(bench.run(run.withTarget(RunSpec.REFLECTOR), pool));
          results.add(bench.run(run, pool));
        }
      }
      case "latency" -> {
        RunSpec run = spec(scenario, n(100, 10), rate == null ? (smoke ? 200 : 1000) : rate, 0);
        results.add(bench.run(run.withTarget(RunSpec.REFLECTOR), pool));
        results.add(bench.run(run, pool));
        if (httpAttack) { // the same load again, while a hostile client attacks its HTTP port
          results.add(bench.run(run.withTarget(RunSpec.ATTACKED_SERVER), pool));
        }
      }
      case "reliable" -> {
        // Throughput (the closed loop) and latency at a fixed rate, without and with loss.
        double fixed = rate != null ? rate : smoke ? 100 : 500;
        for (double ratePerS : List.of(0.0, fixed)) {
          for (double loss : List.of(0.0, 0.05)) {
            results.add(bench.run(spec(scenario, n(100, 10), ratePerS, loss), pool));
          }
        }
      }
      case "overload" -> {
        // Overload comes from many clients: ten senders (or --senders), each limited as the client
        // is, so the room, not one sender's window, is what runs out.
        int n = n(100, 10);
        int many = Math.max(senders, Math.min(OVERLOAD_SENDERS, n));
        RunSpec capacityRun = spec(scenario, n, many, 0, 0);
        RunResult capacity = bench.run(capacityRun, pool);
        capacity.load = "capacity: " + capacity.load;
        results.add(capacity);
        double offered = Math.max(10, 1.6 * capacity.roomMessagesPerS);
        RunResult overload = bench.run(spec(scenario, n, many, offered, 0), pool);
        overload.load = "1.6x: " + overload.load;
        results.add(overload);
      }
      case "presence" -> {
        int n = members != null ? members : smoke ? 50 : quick ? 1000 : 10_000;
        Duration hold =
            duration != null ? duration : Duration.ofSeconds(smoke ? 4 : quick ? 10 : 60);
        results.add(
            bench.run(
                new RunSpec(
                    scenario,
                    RunSpec.SERVER,
                    n,
                    0,
                    0,
                    CLIENT_WINDOW,
                    size,
                    Duration.ZERO,
                    hold,
                    0,
                    PRESENCE_TIMEOUT,
                    0),
                pool));
      }
      case "garbage" -> {
        // The chat at a modest fixed rate, alone, then on a fresh server while garbage floods it:
        // the second run's window is the flood's time, so its figures are the chat's during it.
        int n = garbageMembers();
        int some = Math.max(senders, Math.min(GARBAGE_SENDERS, n));
        RunSpec run = spec(scenario, n, some, rate != null ? rate : smoke ? 100 : 200, 0);
        results.add(bench.run(run, pool));
        long count = garbage != null ? garbage : smoke ? 5_000 : 126_000;
        results.add(bench.run(run.withGarbage(count, LEAST_FLOOD_WINDOW), pool));
      }
      default -> throw new IllegalArgumentException(scenario);
    }
    return results;
  }

  /** What the Java client has unanswered at most. */
  static final int CLIENT_WINDOW = 32;

  /**
   * The closed loop's default: enough in flight to keep the target busy (about 4096 datagrams, a
   * few milliseconds of sending), and no more: a deeper queue adds only latency, and at 1000
   * members 32 messages would queue 32,000 datagrams, longer than the server's 250 ms
   * retransmission timeout.
   */
  private static int autoWindow(int members, int senders) {
    return Math.max(2, Math.min(CLIENT_WINDOW, 4096 / (members * senders)));
  }

  /** How many members send in the overload scenario, unless --senders asks for more. */
  static final int OVERLOAD_SENDERS = 10;

  /** How many members send in the garbage scenario, unless --senders asks for more. */
  static final int GARBAGE_SENDERS = 10;

  /** The flooded run's window lasts until the flood is sent, and this long at the least. */
  static final Duration LEAST_FLOOD_WINDOW = Duration.ofSeconds(1);

  /** A timeout of 3 s: the server asks for a heartbeat every second. */
  static final Duration PRESENCE_TIMEOUT = Duration.ofSeconds(3);

  private RunSpec spec(String scenario, int n, double ratePerS, double loss) {
    return spec(scenario, n, senders, ratePerS, loss);
  }

  private RunSpec spec(String scenario, int n, int sending, double ratePerS, double loss) {
    Duration measured =
        duration != null ? duration : Duration.ofMillis(smoke ? 1500 : quick ? 3000 : 10_000);
    Duration before =
        warmup != null ? warmup : Duration.ofMillis(smoke ? 500 : quick ? 1000 : 2000);
    return new RunSpec(
        scenario,
        RunSpec.SERVER,
        n,
        Math.min(sending, n),
        ratePerS,
        window != null
            ? window
            : ratePerS > 0 ? CLIENT_WINDOW : autoWindow(n, Math.min(sending, n)),
        size,
        before,
        measured,
        loss,
        Duration.ofSeconds(15),
        0);
  }

  private int n(int normal, int small) {
    return members != null ? members : smoke ? small : normal;
  }

  private int garbageMembers() {
    return members != null ? members : smoke ? 20 : 100;
  }

  private List<Integer> fanoutSizes() {
    if (members != null) {
      return List.of(members);
    }
    return smoke ? List.of(10) : List.of(10, 100, 1000);
  }

  /** The most members {@code scenario} has in one run. */
  int largestN(String scenario) {
    return switch (scenario) {
      case "fanout" -> fanoutSizes().stream().mapToInt(Integer::intValue).max().orElse(10);
      case "presence" -> members != null ? members : smoke ? 50 : quick ? 1000 : 10_000;
      case "garbage" -> garbageMembers();
      default -> n(100, 10);
    };
  }
}
