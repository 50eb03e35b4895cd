package udpchat.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import udpchat.bench.measure.GarbageFigures;
import udpchat.bench.measure.KernelCounters;
import udpchat.bench.measure.ProcStats;
import udpchat.bench.measure.Tally;
import udpchat.secure.transport.RefusedDatagram;

/**
 * The figures of one run, as printed in the table and written by {@code --json}. Rates are per
 * second of the measured window; latencies in microseconds; -1 means unknown or not measured.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
final class RunResult {
  public String scenario;
  public String target;
  public int members;
  public long joined;
  public long joinMs;

  /** The target's CPU time while the members joined, in ms, and per member in µs (-1: unknown). */
  public long joinCpuMs = -1;

  public double joinCpuUsPerMember = -1;

  /** Handshakes the members' links completed (one per member, then one per rekey). */
  public long handshakes;

  /** Datagrams the members' links refused: not sealed under their sessions. */
  public long linkRefused;

  /** Of those, how many for each reason (none listed when there were none). */
  public Map<String, Long> linkRefusedBy;

  public int senders;
  public String load;
  public int textBytes;
  public double seconds;

  /** Messages due per second (what the senders offered). */
  public double offeredPerS;

  /** Of those, refused at the sender: it had a full window unconfirmed (a rate run only). */
  public long refusedAtSender;

  /** Messages sent per second. */
  public double sentPerS;

  /** Messages received per second, all members together (first copies only). */
  public double deliveredPerS;

  /** Delivered per second divided by the members: room messages per second. */
  public double roomMessagesPerS;

  /** deliveredPerS over the reflector's in the same scenario and N, when it ran. */
  public Double ratioToReflector;

  /** Messages sent in the window times the members: what should arrive. */
  public long expected;

  /** Of those, received (each once per member). */
  public long delivered;

  public long lost;
  public double lossPercent;
  public long duplicates;
  public long resent;
  public long posted;
  public long lostByServer;
  public double datagramBytes;

  public long latencyCount;
  public double p50Us = -1;
  public double p99Us = -1;
  public double p999Us = -1;
  public double maxUs = -1;

  /** CPU of the server (or reflector) process in the window, in % of one core. */
  public double targetCpuPercent = -1;

  /**
   * The target's CPU time per datagram delivered in the window, in µs: what each costs the server
   * (or the reflector) beside the kernel's work for it; -1 when unknown.
   */
  public double targetCpuUsPerDelivered = -1;

  public double benchCpuPercent = -1;
  public long targetRssKb = -1;
  public long targetPeakRssKb = -1;
  public Long heapBeforeJoinKb;
  public Long heapJoinedKb;
  public Long heapPerMemberBytes;
  public Long rssPerMemberBytes;

  /** Deltas of /proc/net/snmp's Udp counters over the run (the whole machine). */
  public long kernelInErrors;

  public long kernelRcvbufErrors;
  public long kernelSndbufErrors;

  /** /proc/net/udp drops of the server's (or reflector's) socket, and of the members'. */
  public long targetSocketDrops;

  public long memberSocketDrops;
  public long targetReceiveBuffer = -1;
  public long targetSendBuffer = -1;
  public long memberReceiveBuffer;
  public long memberSendBuffer;

  public long falseExpiries;

  /** Retries to a joined member: the server no longer knew it (expired or restarted). */
  public long forgotten;

  /** Batch datagrams the members received (several room events each). */
  public long batches;

  public long pingsSent;
  public long pongs;
  public long acksSent;
  public long sendsRefused;

  /** Server datagrams the members could not read, and error replies. */
  public long invalidDatagrams;

  public long errorReplies;

  /** The share of datagrams the server was asked to drop (--simulate-loss), 0 when none. */
  public double simulatedLoss;

  /** Datagrams the server's own --simulate-loss dropped (both ways), from its log. */
  public Long injectedDrops;

  /**
   * The server's journal over the whole run (join, load, drain), from its log as it stopped: the
   * events written, the writes that carried them (one per duty cycle of the room: group commit),
   * and the forces to the disk. Null for the reflector, or a server without a journal.
   */
  public Long journalEvents;

  public Long journalWrites;
  public Long journalForces;

  /** What a garbage flood did to the server in the window (the garbage target only). */
  public GarbageFigures garbage;

  /** /proc/loadavg (1, 5, 15 minutes) as the run began: how busy the machine was. */
  public String loadAverage;

  public String problem;

  /** The target's CPU time over the joins, from its readings before and after them. */
  void joinCpu(ProcStats before, ProcStats after) {
    if (before.cpuMs() >= 0 && after.cpuMs() >= 0 && joined > 0) {
      joinCpuMs = after.cpuMs() - before.cpuMs();
      joinCpuUsPerMember = joinCpuMs * 1000.0 / joined;
    }
  }

  /**
   * Fills in the figures from what the members counted ({@code tally}) and the kernel's counters
   * before and after; {@code seconds} and {@code joined} are set already. {@code port} is the
   * target's, {@code memberPorts} the members'.
   */
  void count(
      Tally tally,
      KernelCounters after,
      KernelCounters before,
      int port,
      List<Integer> memberPorts) {
    offeredPerS = tally.offered / seconds;
    refusedAtSender = tally.refused;
    sentPerS = tally.sent / seconds;
    deliveredPerS = tally.receivedInWindow / seconds;
    roomMessagesPerS = joined == 0 ? 0 : deliveredPerS / joined;
    expected = tally.sent * joined;
    delivered = tally.delivered;
    lost = Math.max(0, expected - tally.delivered);
    lossPercent = expected == 0 ? 0 : 100.0 * lost / expected;
    duplicates = tally.duplicates;
    resent = tally.resent;
    posted = tally.posted;
    lostByServer = tally.lostByServer;
    datagramBytes =
        tally.receivedInWindow == 0 ? 0 : (double) tally.bytesInWindow / tally.receivedInWindow;
    latencyCount = tally.latencyNs.getTotalCount();
    if (latencyCount > 0) {
      p50Us = tally.latencyNs.getValueAtPercentile(50) / 1000.0;
      p99Us = tally.latencyNs.getValueAtPercentile(99) / 1000.0;
      p999Us = tally.latencyNs.getValueAtPercentile(99.9) / 1000.0;
      maxUs = tally.latencyNs.getMaxValue() / 1000.0;
    }
    kernelInErrors = after.inErrors() - before.inErrors();
    kernelRcvbufErrors = after.rcvbufErrors() - before.rcvbufErrors();
    kernelSndbufErrors = after.sndbufErrors() - before.sndbufErrors();
    targetSocketDrops = after.drops(port);
    memberSocketDrops = after.dropsSince(before, memberPorts);
    falseExpiries = Math.max(tally.expiredNotices, tally.expiredSeen);
    forgotten = tally.forgotten;
    batches = tally.batches;
    pingsSent = tally.pingsSent;
    pongs = tally.pongs;
    acksSent = tally.acksSent;
    sendsRefused = tally.sendsRefused;
    invalidDatagrams = tally.invalid;
    errorReplies = tally.errors;
    handshakes = tally.handshakes;
    linkRefused = tally.linkRefused;
    for (RefusedDatagram.Reason reason : RefusedDatagram.Reason.values()) {
      long count = tally.linkRefusedBy[reason.ordinal()];
      if (count > 0) {
        linkRefusedBy = linkRefusedBy == null ? new TreeMap<>() : linkRefusedBy;
        linkRefusedBy.put(reason.name(), count);
      }
    }
    if (targetCpuPercent >= 0 && deliveredPerS > 0) {
      targetCpuUsPerDelivered = targetCpuPercent * 1e4 / deliveredPerS; // (% / 100) s/s per 1/s
    }
  }
}
