package udpchat.bench.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A process's CPU time and memory, from {@code /proc/PID/stat} (utime + stime, in clock ticks of
 * 1/100 s on Linux) and {@code /proc/PID/status} (VmRSS, VmHWM: resident now and at its peak).
 */
public record ProcStats(long cpuMs, long rssKb, long hwmKb) {

  /** Linux's USER_HZ, fixed at 100 on every architecture Java runs on here. */
  private static final long TICKS_PER_S = 100;

  public static ProcStats of(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      // The command name, in parentheses, may hold spaces: count fields after its end.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
      long rss = 0;
      long hwm = 0;
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          rss = kilobytes(line);
        } else if (line.startsWith("VmHWM:")) {
          hwm = kilobytes(line);
        }
      }
      return new ProcStats(ticks * 1000 / TICKS_PER_S, rss, hwm);
    } catch (IOException | RuntimeException e) {
      return new ProcStats(-1, -1, -1); // gone, or not Linux: shown as unknown
    }
  }

  /** The machine's load average over 1, 5 and 15 minutes, or "unknown". */
  public static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  private static long kilobytes(String line) {
    return Long.parseLong(line.replaceAll("[^0-9]", ""));
  }
}
