package udpchat.bench.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of another JVM, with the JDK's {@code jcmd}: the total of {@code
 * GC.class_histogram}, which collects in full first and then counts the objects still reachable.
 * ({@code GC.run} then {@code GC.heap_info}'s "used" counted, besides, whatever the program
 * allocated between the two commands: whole 4 MB regions of young garbage, 1 KB per member at
 * 10,000 members on a server answering 10,000 pings a second.)
 */
public final class HeapProbe {

  /** The histogram's last line: {@code Total <instances> <bytes>}. */
  private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

  private HeapProbe() {}

  /** The heap the program holds after a full collection, in KB, or -1 when jcmd cannot tell. */
  public static long liveHeapKb(long pid) {
    String histogram = run(pid, "GC.class_histogram");
    return histogram == null ? -1 : totalKb(histogram);
  }

  /** The bytes of reachable objects that a class histogram totals, in KB; -1 without a total. */
  static long totalKb(String histogram) {
    Matcher match = TOTAL.matcher(histogram);
    return match.find() ? Long.parseLong(match.group(1)) / 1024 : -1;
  }

  private static String run(long pid, String command) {
    try {
      Process jcmd =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                  String.valueOf(pid),
                  command)
              .redirectErrorStream(true)
              .start();
      String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!jcmd.waitFor(30, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
        jcmd.destroyForcibly();
        return null;
      }
      return out;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
