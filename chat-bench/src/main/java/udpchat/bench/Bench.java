package udpchat.bench;

import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import udpchat.bench.load.ChatLoad;
import udpchat.bench.load.Load;
import udpchat.bench.load.MemberPool;
import udpchat.bench.load.RawLoad;
import udpchat.bench.load.SimMember;
import udpchat.bench.measure.HeapProbe;
import udpchat.bench.measure.KernelCounters;
import udpchat.bench.measure.ProcStats;
import udpchat.bench.measure.SocketBuffers;
import udpchat.bench.measure.Tally;
import udpchat.bench.target.ChildProcess;
import udpchat.bench.target.GarbageAttack;
import udpchat.bench.target.HttpAttacker;
import udpchat.bench.target.Targets;

/**
 * Runs one {@link RunSpec}: starts the target (the chat server or the reflector) as a child
 * process, lets the members join, offers the load for a warm-up and the measured window, waits for
 * the last messages, and collects the figures: the members' counts, the target's CPU time and
 * memory from its pid, and the kernel's drop counters before and after.
 */
final class Bench {

  private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
  private static final Pattern REFLECTING = Pattern.compile("reflecting on 127\\.0\\.0\\.1:(\\d+)");
  private static final Pattern FAULTS =
      Pattern.compile(
          "simulated faults: out: \\d+ seen, (\\d+) dropped.*in: \\d+ seen, (\\d+) dropped");

  /** What the server's journal did, logged as it stops (group commit: writes per batch). */
  private static final Pattern JOURNAL =
      Pattern.compile("journal: (\\d+) events in (\\d+) writes, forced to the disk (\\d+) times");

  private static final long START_TIMEOUT_MS = 30_000;

  private final PrintWriter progress;
  private final Targets targets;

  /**
   * @param serverArgs more options for every server started (for example a new tuning flag)
   * @param scratch a folder for the servers' journals and the reflector's address lists
   */
  Bench(PrintWriter progress, List<String> serverArgs, Path scratch) {
    this.progress = progress;
    this.targets = new Targets(serverArgs, scratch);
  }

  RunResult run(RunSpec spec, MemberPool pool) throws Exception {
    List<SimMember> members = pool.members().subList(0, spec.members());
    RunResult result = new RunResult();
    result.scenario = spec.scenario();
    result.target = spec.target();
    result.members = spec.members();
    result.senders = spec.senders();
    result.load = spec.senders() > 0 ? spec.load() : "heartbeats only";
    result.textBytes = spec.size();
    result.simulatedLoss = spec.loss();
    result.loadAverage = ProcStats.loadAverage();
    List<Integer> memberPorts = new ArrayList<>();
    members.forEach(member -> memberPorts.add(member.address.getPort()));
    // The kernel's own word (ss), as for the target: Java reports what it asked for.
    SocketBuffers granted = SocketBuffers.of(memberPorts.get(0));
    result.memberReceiveBuffer =
        granted.receiveBytes() >= 0 ? granted.receiveBytes() : pool.receiveBufferBytes();
    result.memberSendBuffer =
        granted.sendBytes() >= 0 ? granted.sendBytes() : pool.sendBufferBytes();
    pool.use(null); // what is left from the last run is read and dropped
    say("%s: %s, %d members, %s", spec.scenario(), spec.target(), spec.members(), result.load);

    KernelCounters before = KernelCounters.read();
    ChildProcess target =
        spec.reflector()
            ? targets.reflector(memberPorts)
            : targets.server(spec.members(), spec.serverTimeout(), spec.loss());
    try {
      int port =
          Integer.parseInt(
              target.await(spec.reflector() ? REFLECTING : LISTENING, START_TIMEOUT_MS).group(1));
      InetSocketAddress address = new InetSocketAddress("127.0.0.1", port);
      boolean presence = spec.senders() == 0;
      long heapBefore = presence ? HeapProbe.liveHeapKb(target.pid()) : -1;
      ProcStats rssBefore = ProcStats.of(target.pid());
      Load load;
      if (spec.reflector()) {
        load =
            new RawLoad(
                members, address, spec.senders(), spec.ratePerS(), spec.window(), spec.size());
        pool.use(load);
        result.joined = members.size();
      } else {
        ChatLoad chat =
            new ChatLoad(
                members,
                address,
                spec.senders(),
                spec.ratePerS(),
                spec.window(),
                spec.size(),
                JOIN_WINDOW);
        load = chat;
        pool.use(chat);
        ProcStats beforeJoin = ProcStats.of(target.pid());
        join(pool, chat, result);
        result.joinCpu(beforeJoin, ProcStats.of(target.pid()));
        Waits.settle(pool, members.size());
      }
      try (GarbageAttack garbage = GarbageAttack.openIf(spec.garbage(), address, target.pid())) {
        try (HttpAttacker attack = HttpAttacker.startIf(spec.httpAttacked(), address, progress)) {
          measure(spec, pool, load, target, result, garbage); // HTTP: the UDP port's number
        }
        Waits.drain(pool, load, result);
        if (garbage != null) { // the flood has ended: its memory 3 s after, its drops
          result.garbage = garbage.figures();
          say("  garbage: %s", Report.garbage(result.garbage));
        }
      }
      KernelCounters after = KernelCounters.read();
      result.count(pool.call(() -> load.tally.snapshot()), after, before, port, memberPorts);
      ProcStats end = ProcStats.of(target.pid());
      result.targetRssKb = end.rssKb();
      result.targetPeakRssKb = end.hwmKb();
      SocketBuffers buffers = SocketBuffers.of(port);
      result.targetReceiveBuffer = buffers.receiveBytes();
      result.targetSendBuffer = buffers.sendBytes();
      if (presence && result.joined > 0) {
        long heapJoined = HeapProbe.liveHeapKb(target.pid());
        result.heapBeforeJoinKb = heapBefore;
        result.heapJoinedKb = heapJoined;
        if (heapBefore >= 0 && heapJoined >= 0) {
          result.heapPerMemberBytes = (heapJoined - heapBefore) * 1024 / result.joined;
        }
        result.rssPerMemberBytes = (end.rssKb() - rssBefore.rssKb()) * 1024 / result.joined;
      }
    } finally {
      try {
        target.close(); // first: a members' thread that fails must not leave the child running
      } finally {
        pool.use(null);
      }
    }
    Matcher faults = target.find(FAULTS);
    if (faults != null) {
      result.injectedDrops = Long.parseLong(faults.group(1)) + Long.parseLong(faults.group(2));
    } else if (spec.loss() > 0) {
      result.problem = "the server did not log its simulated-fault counts";
    }
    Matcher journal = target.find(JOURNAL);
    if (journal != null) {
      result.journalEvents = Long.parseLong(journal.group(1));
      result.journalWrites = Long.parseLong(journal.group(2));
      result.journalForces = Long.parseLong(journal.group(3));
    }
    say(
        "%s: %s, %d members: %.0f delivered/s, lost %d of %d, p99 %.0f µs",
        spec.scenario(),
        spec.target(),
        spec.members(),
        result.deliveredPerS,
        result.lost,
        result.expected,
        result.p99Us);
    return result;
  }

  /** Joins on their way at once. */
  static final int JOIN_WINDOW = 64;

  private void join(MemberPool pool, ChatLoad chat, RunResult result) throws InterruptedException {
    long startNs = System.nanoTime();
    pool.call(chat::join);
    int count = chat.members.size();
    long limitMs = Math.max(30_000, count * 20L);
    long lastSayNs = startNs;
    long joined = 0;
    while ((System.nanoTime() - startNs) / 1_000_000 < limitMs) {
      joined = pool.call(() -> chat.tally.joined);
      if (joined >= count) {
        break;
      }
      if (System.nanoTime() - lastSayNs > 2_000_000_000L) {
        say("  joined %d of %d", joined, count);
        lastSayNs = System.nanoTime();
      }
      Thread.sleep(20);
    }
    result.joined = joined;
    result.joinMs = (System.nanoTime() - startNs) / 1_000_000;
    if (joined < count) {
      result.problem =
          "only " + joined + " of " + count + " members joined within " + limitMs + " ms";
    }
    say("  %d members joined in %d ms", joined, result.joinMs);
  }

  /** The longest a flooded run's window may last: the flood's end ends it before. */
  private static final long FLOOD_WINDOW_CAP_NS = 600_000_000_000L;

  private void measure(
      RunSpec spec,
      MemberPool pool,
      Load load,
      ChildProcess target,
      RunResult result,
      GarbageAttack garbage)
      throws InterruptedException {
    long fromNs = System.nanoTime() + spec.warmup().toNanos();
    long leastNs = fromNs + spec.duration().toNanos();
    long toNs = garbage == null ? leastNs : fromNs + FLOOD_WINDOW_CAP_NS;
    if (spec.senders() > 0) {
      pool.call(() -> load.startSending(System.nanoTime(), fromNs, toNs));
    } else {
      pool.call(
          () -> {
            load.tally.measureFromNs = fromNs;
            load.tally.measureToNs = toNs;
            return null;
          });
    }
    Waits.sleepUntil(fromNs);
    if (garbage != null) {
      garbage.start();
    }
    ProcStats target0 = ProcStats.of(target.pid());
    ProcStats bench0 = ProcStats.of(ProcessHandle.current().pid());
    long start = System.nanoTime();
    long lastSayNs = start;
    while (System.nanoTime() < toNs) {
      if (garbage != null && garbage.done() && System.nanoTime() >= leastNs) {
        long endNs = System.nanoTime(); // the flood is sent: the window ends with it
        pool.call(() -> load.tally.measureToNs = endNs);
        break;
      }
      Waits.sleepUntil(
          Math.min(toNs, System.nanoTime() + (garbage == null ? 1000 : 20) * 1_000_000L));
      if (System.nanoTime() - lastSayNs >= 1_000_000_000L || System.nanoTime() >= toNs) {
        long now = System.nanoTime();
        Tally snapshot = pool.call(() -> load.tally.snapshot());
        say(
            "  %4.1f s: %,.0f delivered/s%s",
            (now - start) / 1e9,
            snapshot.receivedInWindow / ((now - start) / 1e9),
            spec.senders() == 0
                ? String.format(", %d expired, %d pongs", snapshot.expiredNotices, snapshot.pongs)
                : "");
        lastSayNs = now;
      }
    }
    long end = System.nanoTime();
    ProcStats target1 = ProcStats.of(target.pid());
    ProcStats bench1 = ProcStats.of(ProcessHandle.current().pid());
    pool.call(load::stopSending);
    double seconds = (end - start) / 1e9;
    result.seconds = seconds;
    if (target0.cpuMs() >= 0 && target1.cpuMs() >= 0) {
      result.targetCpuPercent = (target1.cpuMs() - target0.cpuMs()) / 10.0 / seconds;
    }
    if (bench0.cpuMs() >= 0 && bench1.cpuMs() >= 0) {
      result.benchCpuPercent = (bench1.cpuMs() - bench0.cpuMs()) / 10.0 / seconds;
    }
  }

  private void say(String format, Object... args) {
    progress.println("bench: " + String.format(format, args));
    progress.flush();
  }
}
