package udpchat.server;

import java.io.IOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends UDP datagrams with any source address, as an attacker on the LAN can: a python3 process
 * with a raw socket (IPPROTO_RAW, so the test writes the IP header itself) sends each datagram it
 * is given on standard input. Needs root and python3; {@link #available} says whether both are
 * there, and tests that need it are skipped otherwise.
 */
public final class Spoofer {

  /** One datagram per line: source IP, source port, destination IP, port, base64 payload. */
  private static final String SCRIPT =
      String.join(
          "\n",
          "import base64, socket, struct, sys, time",
          "s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_RAW)",
          "for i, line in enumerate(sys.stdin):",
          "    src, sport, dst, dport, data = line.split()",
          "    payload = base64.b64decode(data)",
          "    udp = struct.pack('!HHHH', int(sport), int(dport), 8 + len(payload), 0) + payload",
          "    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), 0, 0, 64, 17, 0,",
          "                     socket.inet_aton(src), socket.inet_aton(dst))",
          "    s.sendto(ip + udp, (dst, 0))",
          "    if i % 200 == 199:",
          "        time.sleep(0.005)  # paced, so the kernel's receive buffer never overflows",
          "");

  record Datagram(InetSocketAddress from, InetSocketAddress to, byte[] payload) {}

  private Spoofer() {}

  /** Whether this process runs as root and python3 is on the path. */
  static boolean available() {
    try {
      boolean root =
          Files.readAllLines(Path.of("/proc/self/status")).stream()
              .anyMatch(line -> line.matches("Uid:\\s+0\\s.*"));
      Process python = new ProcessBuilder("python3", "--version").start();
      return root && python.waitFor(10, TimeUnit.SECONDS) && python.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Sends every datagram, each from its forged source; returns once all are sent. */
  static void send(List<Datagram> datagrams) throws IOException, InterruptedException {
    Process python =
        new ProcessBuilder("python3", "-c", SCRIPT)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (Writer in = python.outputWriter(StandardCharsets.US_ASCII)) {
      Base64.Encoder base64 = Base64.getEncoder();
      for (Datagram d : datagrams) {
        in.write(
            d.from().getAddress().getHostAddress()
                + " "
                + d.from().getPort()
                + " "
                + d.to().getAddress().getHostAddress()
                + " "
                + d.to().getPort()
                + " "
                + base64.encodeToString(d.payload())
                + "\n");
      }
    }
    if (!python.waitFor(60, TimeUnit.SECONDS) || python.exitValue() != 0) {
      python.destroyForcibly();
      throw new IOException("the spoofing python3 process failed");
    }
  }
}
