package udpchat.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import udpchat.cli.CommandLines;

/** The bench's options are checked before any server or member socket is started. */
@Timeout(10) // a value let through would start the whole suite: ten minutes
class BenchCommandTest {

  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  int run(String... args) {
    return CommandLines.of(new BenchCommand())
        .setOut(new PrintWriter(out))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  /** Before: a negative or NaN rate ran the closed loop instead, as if no rate were given. */
  @Test
  void aRateThatIsNotAboveZeroIsRefusedInOneLine() {
    assertThat(run("--scenario", "latency", "--rate", "-5")).isEqualTo(2);
    assertThat(err.toString().lines())
        .containsExactly(
            "chat-bench: --rate -5 is out of range: above 0 and at most 1000000",
            "try --help for the options");
    assertThat(run("--scenario", "latency", "--rate", "NaN")).isEqualTo(2);
    assertThat(err.toString()).contains("--rate NaN is out of range");
  }

  @Test
  void everyCountIsCheckedAgainstItsRange() {
    assertThat(run("--window", "100000000")).isEqualTo(2);
    assertThat(err.toString()).contains("--window 100000000 is out of range: between 1 and 4096");
    assertThat(run("--senders", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--senders 0 is out of range: between 1 and 19000");
    assertThat(run("--members", "20000")).isEqualTo(2);
    assertThat(run("--size", "10")).isEqualTo(2);
    assertThat(run("--duration", "10h")).isEqualTo(2);
    assertThat(err.toString()).contains("--duration 10h is out of range: between 100ms and 1h");
    assertThat(run("--scenario", "garbage", "--garbage", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--garbage 0 is out of range: between 1 and 100000000");
    assertThat(run("--scenario", "rubbish")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown scenario rubbish; one of", "garbage");
    assertThat(run("--frobnicate")).isEqualTo(2);
    assertThat(err.toString()).doesNotContain("\tat ", "Usage:");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void theRangesAreInTheHelpAndTheVersionIsThePoms() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString().replaceAll("\\s+", " "))
        .contains(
            "1 to 19000", "1 to 4096", "32 to 700", "above 0 and up to 1000000", "1 to 100000000");
    assertThat(run("-V")).isZero();
    assertThat(out.toString()).contains("chat-bench " + udpchat.cli.Version.number());
  }
}
