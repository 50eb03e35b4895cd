package udpchat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Debian's {@code promtool}, the Prometheus project's own check of an exposition. */
final class Promtool {

  static final Path PROMTOOL = Path.of("/usr/bin/promtool");

  private Promtool() {}

  /** Pipes {@code exposition} to {@code promtool check metrics}, which must accept it. */
  static void assertAccepts(String exposition) throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(PROMTOOL),
        "skipped: no /usr/bin/promtool (apt-get install prometheus; .ci/run installs it)");
    Process check =
        new ProcessBuilder(PROMTOOL.toString(), "check", "metrics")
            .redirectErrorStream(true)
            .start();
    try (OutputStream in = check.getOutputStream()) {
      in.write(exposition.getBytes(StandardCharsets.UTF_8));
    }
    String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as("promtool check metrics said: %s", said).isZero();
  }
}
