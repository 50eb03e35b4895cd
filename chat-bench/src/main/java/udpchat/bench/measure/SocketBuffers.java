package udpchat.bench.measure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The receive and send buffer sizes the kernel granted another process's UDP socket, read with
 * {@code ss -m} (its {@code skmem} {@code rb} and {@code tb}): the server logs only its receive
 * buffer, and the reflector prints both, but this reads the kernel's own word.
 */
public record SocketBuffers(long receiveBytes, long sendBytes) {

  static final SocketBuffers UNKNOWN = new SocketBuffers(-1, -1);
  private static final Pattern SKMEM = Pattern.compile("rb(\\d+),t\\d+,tb(\\d+)");

  public static SocketBuffers of(int port) {
    try {
      Process ss =
          new ProcessBuilder("ss", "-u", "-a", "-n", "-m", "sport = :" + port)
              .redirectErrorStream(true)
              .start();
      String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!ss.waitFor(5, TimeUnit.SECONDS)) {
        ss.destroyForcibly();
        return UNKNOWN;
      }
      Matcher match = SKMEM.matcher(out);
      return match.find()
          ? new SocketBuffers(Long.parseLong(match.group(1)), Long.parseLong(match.group(2)))
          : UNKNOWN;
    } catch (IOException e) {
      return UNKNOWN; // no ss here
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return UNKNOWN;
    }
  }
}
