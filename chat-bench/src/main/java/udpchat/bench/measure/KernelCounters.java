package udpchat.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel's own count of UDP datagrams it dropped, so that loss inside the kernel is reported
 * and never mistaken for speed: the Udp line of {@code /proc/net/snmp} (for the whole machine:
 * other programs' drops count too) and the {@code drops} column of {@code /proc/net/udp} and {@code
 * /proc/net/udp6}, per socket, for the sockets of the run.
 */
public record KernelCounters(
    long inErrors, long rcvbufErrors, long sndbufErrors, Map<Integer, Long> drops) {

  public static KernelCounters read() {
    long inErrors = -1;
    long rcvbuf = -1;
    long sndbuf = -1;
    Map<Integer, Long> drops = new HashMap<>();
    try {
      List<String> snmp = Files.readAllLines(Path.of("/proc/net/snmp"));
      for (int i = 0; i + 1 < snmp.size(); i++) {
        if (snmp.get(i).startsWith("Udp:") && snmp.get(i + 1).startsWith("Udp:")) {
          List<String> names = List.of(snmp.get(i).trim().split("\\s+"));
          String[] values = snmp.get(i + 1).trim().split("\\s+");
          inErrors = Long.parseLong(values[names.indexOf("InErrors")]);
          rcvbuf = Long.parseLong(values[names.indexOf("RcvbufErrors")]);
          sndbuf = Long.parseLong(values[names.indexOf("SndbufErrors")]);
          break;
        }
      }
      // Java's sockets are IPv6 ones (dual-stack) where IPv6 is on: 127.0.0.1 is then
      // ::ffff:127.0.0.1, listed in udp6, not udp.
      for (String table : List.of("/proc/net/udp", "/proc/net/udp6")) {
        Path path = Path.of(table);
        if (!Files.exists(path)) {
          continue;
        }
        List<String> udp = Files.readAllLines(path);
        for (String line : udp.subList(1, udp.size())) {
          String[] fields = line.trim().split("\\s+");
          String local = fields[1]; // 0100007F:1F40, address and port in hex
          int port = Integer.parseInt(local.substring(local.indexOf(':') + 1), 16);
          drops.merge(port, Long.parseLong(fields[fields.length - 1]), Long::sum);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: the counters stay unknown (-1)
    }
    return new KernelCounters(inErrors, rcvbuf, sndbuf, drops);
  }

  /** The drops counted by the sockets on {@code ports} since {@code before}. */
  public long dropsSince(KernelCounters before, Collection<Integer> ports) {
    long sum = 0;
    for (int port : ports) {
      sum += drops.getOrDefault(port, 0L) - before.drops.getOrDefault(port, 0L);
    }
    return sum;
  }

  /** The drops counted so far by the socket on {@code port}. */
  public long drops(int port) {
    return drops.getOrDefault(port, 0L);
  }
}
