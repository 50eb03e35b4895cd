package udpchat.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live heap of another JVM, with the JDK's {@code jcmd}: a full collection ({@code GC.run})
 * first, so that what is left is what the program holds, then {@code GC.heap_info}'s "used".
 */
final class HeapProbe {

  private static final Pattern USED = Pattern.compile("used (\\d+)K");

  private HeapProbe() {}

  /** The heap in use after a full collection, in KB, or -1 when jcmd cannot tell. */
  static long liveHeapKb(long pid) {
    if (run(pid, "GC.run") == null) {
      return -1;
    }
    String info = run(pid, "GC.heap_info");
    Matcher match = info == null ? null : USED.matcher(info);
    return match != null && match.find() ? Long.parseLong(match.group(1)) : -1;
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
