package udpchat.bench.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The bench's server heap is run.sh's: the same figure, from run.sh's own function. */
class ServerHeapTest {

  @Test
  void theHeapIsTheOneRunShGivesForTheSameOptions() throws Exception {
    Path runSh = Path.of("..", "run.sh");
    Matcher function =
        Pattern.compile("(?ms)^server_heap_mb\\(\\) \\{.*?^\\}$").matcher(Files.readString(runSh));
    assertThat(function.find()).as("server_heap_mb in run.sh").isTrue();
    List<List<String>> cases =
        List.of(
            List.of(),
            List.of("--max-members", "20000"),
            List.of("--max-members=20000", "--history", "50000"),
            List.of("--history", "lots"),
            List.of("--max-members", "5", "--max-members", "100000"));
    for (List<String> args : cases) {
      assertThat(ServerHeap.mb(args)).as(args.toString()).isEqualTo(runSh(function.group(), args));
    }
    assertThat(ServerHeap.option(List.of("--max-members", "100"))).isEqualTo("-Xmx130m");
  }

  private static long runSh(String function, List<String> args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("bash", "-c", function + "\nserver_heap_mb \"$@\"", "heap"));
    command.addAll(args);
    Process bash = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(bash.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return Long.parseLong(out);
  }
}
