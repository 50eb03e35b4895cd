package udpchat.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import udpchat.bench.measure.GarbageFigures;

/** The figures as a table per scenario (standard output) and as JSON ({@code --json FILE}). */
final class Report {

  private Report() {}

  /** Sets each server run's ratio to the reflector's run with the same scenario and members. */
  static void ratios(List<RunResult> results) {
    for (RunResult server : results) {
      if (!RunSpec.SERVER.equals(server.target)) {
        continue;
      }
      for (RunResult raw : results) {
        if (RunSpec.REFLECTOR.equals(raw.target)
            && raw.scenario.equals(server.scenario)
            && raw.members == server.members
            && raw.deliveredPerS > 0) {
          server.ratioToReflector = server.deliveredPerS / raw.deliveredPerS;
        }
      }
    }
  }

  static void table(String scenario, List<RunResult> results, PrintWriter out) {
    out.println();
    out.println("== " + scenario + " ==");
    boolean presence = results.stream().allMatch(result -> result.senders == 0);
    if (presence) {
      out.printf(
          "%-9s %7s %7s %8s %6s %9s %9s %6s %8s %9s %11s %10s%n",
          "target",
          "members",
          "joined",
          "join ms",
          "secs",
          "false-exp",
          "forgotten",
          "cpu%",
          "rss MB",
          "heap MB",
          "heap B/memb",
          "rss B/memb");
      for (RunResult r : results) {
        out.printf(
            "%-9s %7d %7d %8d %6.1f %9d %9d %6.1f %8.1f %9s %11s %10s%n",
            r.target,
            r.members,
            r.joined,
            r.joinMs,
            r.seconds,
            r.falseExpiries,
            r.forgotten,
            r.targetCpuPercent,
            r.targetRssKb / 1024.0,
            r.heapJoinedKb == null ? "-" : String.format("%.1f", r.heapJoinedKb / 1024.0),
            r.heapPerMemberBytes == null ? "-" : r.heapPerMemberBytes,
            r.rssPerMemberBytes == null ? "-" : r.rssPerMemberBytes);
      }
    } else {
      out.printf(
          "%-9s %7s %-22s %5s %11s %11s %10s %6s %9s %7s %6s %8s %8s %8s %9s %6s %6s%n",
          "target",
          "members",
          "load",
          "loss",
          "offered/s",
          "delivered/s",
          "room msg/s",
          "ratio",
          "lost",
          "lost%",
          "dups",
          "p50 µs",
          "p99 µs",
          "p99.9 µs",
          "max µs",
          "cpu%",
          "bench%");
      for (RunResult r : results) {
        out.printf(
            "%-9s %7d %-22s %5s %11.0f %11.0f %10.1f %6s %9d %7.3f %6d %8.0f %8.0f %8.0f %9.0f"
                + " %6.1f %6.1f%n",
            r.target,
            r.members,
            r.load,
            r.simulatedLoss == 0 ? "-" : String.format("%.0f%%", 100 * r.simulatedLoss),
            r.offeredPerS,
            r.deliveredPerS,
            r.roomMessagesPerS,
            r.ratioToReflector == null ? "-" : String.format("%.2f", r.ratioToReflector),
            r.lost,
            r.lossPercent,
            r.duplicates,
            r.p50Us,
            r.p99Us,
            r.p999Us,
            r.maxUs,
            r.targetCpuPercent,
            r.benchCpuPercent);
      }
    }
    for (RunResult r : results) {
      out.printf(
          "  %s %d: kernel drops: %s socket %d, members' sockets %d; machine-wide Udp InErrors +%d,"
              + " RcvbufErrors +%d, SndbufErrors +%d; buffers: %s rcv %d snd %d, member rcv %d snd"
              + " %d; %.0f-byte datagrams; sent %.0f/s, refused at the sender %d;"
              + " %s CPU %.2f µs per delivered datagram; load average %s"
              + "%s%s%s%s%n",
          r.target,
          r.members,
          r.target,
          r.targetSocketDrops,
          r.memberSocketDrops,
          r.kernelInErrors,
          r.kernelRcvbufErrors,
          r.kernelSndbufErrors,
          r.target,
          r.targetReceiveBuffer,
          r.targetSendBuffer,
          r.memberReceiveBuffer,
          r.memberSendBuffer,
          r.datagramBytes,
          r.sentPerS,
          r.refusedAtSender,
          r.target,
          r.targetCpuUsPerDelivered,
          r.loadAverage,
          RunSpec.SERVER.equals(r.target)
              ? String.format(
                  "; resent %d, acks %d, pings %d, batches received %d; handshakes %d,"
                      + " refused by the links %s; join: %d ms of server CPU (%.0f µs a member)",
                  r.resent,
                  r.acksSent,
                  r.pingsSent,
                  r.batches,
                  r.handshakes,
                  r.linkRefused + (r.linkRefusedBy == null ? "" : " " + r.linkRefusedBy),
                  r.joinCpuMs,
                  r.joinCpuUsPerMember)
              : "",
          r.injectedDrops == null ? "" : "; simulated drops " + r.injectedDrops,
          r.journalWrites == null
              ? ""
              : String.format(
                  "; journal %d events in %d writes, %d forces",
                  r.journalEvents, r.journalWrites, r.journalForces),
          r.problem == null ? "" : "; PROBLEM: " + r.problem);
      if (r.garbage != null) {
        out.printf("  %s %d: garbage: %s%n", r.target, r.members, garbage(r.garbage));
      }
    }
    out.flush();
  }

  /** A garbage flood's figures in a line: what was sent, the server's memory, its drops. */
  static String garbage(GarbageFigures g) {
    return String.format(
        "%,d datagrams sent in %.1f s (%,.0f/s; %d refused by the kernel, %d answered);"
            + " server RSS idle %.1f MB, peak %.1f MB (+%.1f MB, %d readings), %d s after %.1f MB;"
            + " server drops %s (reply-limited: answers withheld)",
        g.sent(),
        g.floodMs() / 1000.0,
        g.sentPerS(),
        g.failed(),
        g.answers(),
        g.rssIdleKb() / 1024.0,
        g.rssPeakKb() / 1024.0,
        g.rssGrowthKb() / 1024.0,
        g.rssSamples(),
        GarbageFigures.AFTER_S,
        g.rssAfterKb() / 1024.0,
        g.serverDrops() == null ? "unknown (no /api/stats)" : g.serverDrops());
  }

  static void json(Path file, Map<String, Object> machine, List<RunResult> results)
      throws IOException {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("machine", machine);
    document.put("runs", results);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    mapper.writeValue(file.toFile(), document);
  }

  /** What the figures were measured on. */
  static Map<String, Object> machine() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put(
        "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    for (String name : List.of("rmem_default", "rmem_max", "wmem_default", "wmem_max")) {
      try {
        machine.put(
            "net.core." + name,
            // readAllLines, not readString: a /proc file reports size 0, and readString read one
            // byte
            Long.parseLong(Files.readAllLines(Path.of("/proc/sys/net/core", name)).get(0).trim()));
      } catch (IOException | RuntimeException e) {
        machine.put("net.core." + name, null);
      }
    }
    return machine;
  }
}
