package udpchat.server.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel's UDP counters from {@code /proc/net/snmp}, read when asked: {@code RcvbufErrors} is
 * the one place that tells of datagrams the kernel dropped because a socket's receive buffer was
 * full (the server never sees them). The count is the host's (its network namespace's), for every
 * UDP socket, not this server's alone.
 */
public final class KernelUdpCounters {

  /** Where Linux keeps them. */
  public static final Path SNMP = Path.of("/proc/net/snmp");

  private KernelUdpCounters() {}

  /** {@code RcvbufErrors} now, or -1 where the file does not exist or does not say (not Linux). */
  public static long receiveBufferErrors() {
    return receiveBufferErrors(SNMP);
  }

  static long receiveBufferErrors(Path snmp) {
    try {
      return counter(Files.readAllLines(snmp), "RcvbufErrors");
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The {@code Udp:} counter named {@code name}: a line of names, then a line of values. */
  static long counter(List<String> lines, String name) {
    for (int i = 0; i + 1 < lines.size(); i++) {
      String[] names = lines.get(i).trim().split("\\s+");
      String[] values = lines.get(i + 1).trim().split("\\s+");
      if (!names[0].equals("Udp:") || !values[0].equals("Udp:") || names.length != values.length) {
        continue;
      }
      for (int j = 1; j < names.length; j++) {
        if (names[j].equals(name)) {
          return Long.parseLong(values[j]);
        }
      }
    }
    return -1;
  }
}
