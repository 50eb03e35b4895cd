package udpchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpchat.cli.CommandLines;

/**
 * The garbage scenario, small ({@code --smoke}: 20 members, 5,000 datagrams), through the real
 * command: a real server child process flooded from 200 loopback addresses while the members chat.
 * It checks that the flood was sent and that the server counted it, that the memory figures were
 * read, and that the chat lost nothing; never how much memory or time: that is shown by running the
 * bench on a quiet machine, not asserted on a shared one.
 */
class GarbageScenarioTest {

  @TempDir Path folder;

  @Test
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void theFloodIsSentAndCountedAndTheChatLosesNothing() throws Exception {
    Path json = folder.resolve("garbage.json");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int status =
        CommandLines.of(new BenchCommand())
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute("--smoke", "--scenario", "garbage", "--json", json.toString());

    assertThat(status).as("exit status; progress:\n" + err).isZero();
    assertThat(out.toString()).contains("== garbage ==", "garbage 20: garbage: 5,000 datagrams");
    JsonNode runs = new ObjectMapper().readTree(json.toFile()).path("runs");
    assertThat(runs).hasSize(2);
    for (JsonNode run : runs) {
      String what = run.path("target").asText();
      assertThat(run.path("problem").isMissingNode())
          .as(what + ": " + run.path("problem"))
          .isTrue();
      assertThat(run.path("joined").asLong()).as(what + " joined").isEqualTo(20);
      assertThat(run.path("expected").asLong()).as(what + " expected").isPositive();
      assertThat(run.path("delivered").asLong())
          .as(what + " delivered")
          .isEqualTo(run.path("expected").asLong());
      assertThat(run.path("lost").asLong()).as(what + ": the protocol loses nothing").isZero();
      assertThat(run.path("errorReplies").asLong()).as(what + " error replies").isZero();
      assertThat(run.path("invalidDatagrams").asLong()).as(what + " unreadable").isZero();
    }
    assertThat(runs.get(0).path("target").asText()).isEqualTo("server");
    assertThat(runs.get(0).path("garbage").isMissingNode()).as("no flood alone").isTrue();

    JsonNode flooded = runs.get(1);
    assertThat(flooded.path("target").asText()).isEqualTo("garbage");
    assertThat(flooded.path("deliveredPerS").asDouble()).as("chat during the flood").isPositive();
    assertThat(flooded.path("latencyCount").asLong()).isPositive();
    JsonNode garbage = flooded.path("garbage");
    long sent = garbage.path("sent").asLong();
    assertThat(sent + garbage.path("failed").asLong()).as("every datagram tried").isEqualTo(5_000);
    assertThat(sent).as("garbage sent").isPositive();
    assertThat(garbage.path("floodMs").asLong()).isNotNegative();
    long idle = garbage.path("rssIdleKb").asLong();
    long peak = garbage.path("rssPeakKb").asLong();
    assertThat(idle).as("idle RSS").isPositive();
    assertThat(peak).as("peak RSS").isGreaterThanOrEqualTo(idle);
    assertThat(garbage.path("rssAfterKb").asLong()).as("RSS after").isPositive();
    assertThat(garbage.path("rssGrowthKb").asLong()).isEqualTo(peak - idle);
    assertThat(garbage.path("rssSamples").asLong()).as("RSS readings").isPositive();
    // The server counted the garbage it dropped, by reason (its /api/stats): every datagram that
    // reached it is rejected somewhere; the kernel may have dropped some before it on a full
    // buffer.
    long dropped = 0;
    for (JsonNode count : garbage.path("serverDrops")) {
      dropped += count.asLong();
    }
    assertThat(garbage.path("serverDrops").isObject()).as("drops read").isTrue();
    assertThat(dropped).as("garbage the server counted").isPositive();
    assertThat(flooded.path("kernelRcvbufErrors").asLong()).as("snmp read").isNotNegative();
  }
}
