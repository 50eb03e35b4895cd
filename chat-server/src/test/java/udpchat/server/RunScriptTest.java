package udpchat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code run.sh}, the README's way in: a mistyped command is named, in one line, exit 2. */
public class RunScriptTest {

  @Test
  void anUnknownCommandIsNamedInOneLineWithStatusTwo() throws Exception {
    Path script = Path.of("..", "run.sh").toAbsolutePath().normalize();
    Process run = new ProcessBuilder("bash", script.toString(), "foo").start();
    assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String err = new String(run.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.exitValue()).isEqualTo(2);
    assertThat(err.lines())
        .containsExactly(
            "run.sh: unknown command 'foo': one of server, client, bench, test, build (./run.sh"
                + " help)");
    assertThat(run.getInputStream().readAllBytes()).isEmpty();
  }
}
