package udpchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpchat.cli.CommandLines;

/**
 * The smoke run, end to end through the real command: a server child process and a reflector, the
 * members on loopback, every scenario. It checks that the report is complete and sane, never a
 * speed: this machine is shared, and a figure is shown by running the bench, not asserted.
 */
class BenchSmokeTest {

  @TempDir Path folder;

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void theSmokeRunReportsEveryScenarioCompletely() throws Exception {
    Path json = folder.resolve("bench.json");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int status =
        CommandLines.of(new BenchCommand())
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute("--smoke", "--json", json.toString());

    assertThat(status).as("exit status; progress:\n" + err).isZero();
    for (String scenario : BenchCommand.SUITE) {
      assertThat(out.toString()).contains("== " + scenario + " ==");
    }
    assertThat(err.toString()).contains("bench: fanout: server, 10 members");

    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertThat(report.path("machine").path("cores").asInt()).isPositive();
    List<String> seen = new ArrayList<>();
    for (JsonNode run : report.path("runs")) {
      String what = run.path("scenario").asText() + " " + run.path("target").asText();
      seen.add(what);
      assertThat(run.path("problem").isMissingNode())
          .as(what + ": " + run.path("problem"))
          .isTrue();
      assertThat(run.path("joined").asLong())
          .as(what + " joined")
          .isEqualTo(run.path("members").asLong());
      assertThat(run.path("falseExpiries").asLong()).as(what + " false expiries").isZero();
      assertThat(run.path("forgotten").asLong()).as(what + " members the server forgot").isZero();
      assertThat(run.path("invalidDatagrams").asLong()).as(what + " unreadable datagrams").isZero();
      assertThat(run.path("errorReplies").asLong()).as(what + " error replies").isZero();
      assertThat(run.path("targetCpuPercent").asDouble()).as(what + " cpu").isGreaterThan(0);
      assertThat(run.path("targetRssKb").asLong()).as(what + " rss").isPositive();
      assertThat(run.path("kernelRcvbufErrors").asLong()).as(what + " snmp read").isNotNegative();
      if (run.path("senders").asInt() > 0) {
        long expected = run.path("expected").asLong();
        long delivered = run.path("delivered").asLong();
        assertThat(expected).as(what + " expected").isPositive();
        assertThat(delivered).as(what + " delivered").isPositive().isLessThanOrEqualTo(expected);
        assertThat(run.path("lost").asLong()).isEqualTo(expected - delivered);
        assertThat(run.path("deliveredPerS").asDouble()).as(what + " rate").isPositive();
        assertThat(run.path("latencyCount").asLong()).as(what + " latencies").isPositive();
        assertThat(run.path("p50Us").asDouble())
            .isPositive()
            .isLessThanOrEqualTo(run.path("p99Us").asDouble());
        assertThat(run.path("p99Us").asDouble()).isLessThanOrEqualTo(run.path("maxUs").asDouble());
        assertThat(run.path("datagramBytes").asDouble())
            .as(what + " datagram size")
            .isGreaterThan(100);
      } else {
        assertThat(run.path("pongs").asLong()).as(what + " pongs").isPositive();
        assertThat(run.path("heapPerMemberBytes").isNumber()).as(what + " heap").isTrue();
      }
      if (run.path("simulatedLoss").asDouble() > 0) {
        assertThat(run.path("injectedDrops").asLong()).as(what + " drops injected").isPositive();
      }
      if ("server".equals(run.path("target").asText())
          && run.path("simulatedLoss").asDouble() == 0
          && run.path("senders").asInt() > 0) {
        assertThat(run.path("lost").asLong()).as(what + ": the protocol loses nothing").isZero();
      }
      if ("server".equals(run.path("target").asText())) {
        // Every member joined through a handshake of its own link: protocol 3, sealed.
        assertThat(run.path("handshakes").asLong())
            .as(what + " handshakes")
            .isGreaterThanOrEqualTo(run.path("joined").asLong());
        assertThat(run.path("joinCpuUsPerMember").asDouble()).as(what + " join cpu").isPositive();
      }
      if (run.path("senders").asInt() > 0) {
        assertThat(run.path("targetCpuUsPerDelivered").asDouble())
            .as(what + " cpu per delivered datagram")
            .isPositive();
      }
    }
    assertThat(seen)
        .contains(
            "fanout reflector",
            "fanout server",
            "latency reflector",
            "latency server",
            "reliable server",
            "overload server",
            "presence server");
    assertThat(report.path("runs").get(1).path("ratioToReflector").asDouble())
        .as("the fan-out's ratio to the reflector")
        .isPositive();
  }
}
