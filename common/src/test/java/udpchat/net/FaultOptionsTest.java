package udpchat.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;

class FaultOptionsTest {

  /** A program that takes the options the way the server and the client do. */
  @Command(name = "program")
  static final class Program implements Callable<Integer> {
    @Mixin FaultOptions simulate = new FaultOptions();
    Faults faults;

    @Override
    public Integer call() {
      faults = simulate.faults();
      return 0;
    }
  }

  final Program program = new Program();

  @Test
  void buildsTheFaultsFromEveryOption() {
    new CommandLine(program)
        .parseArgs(
            "--simulate-loss", "0.2",
            "--simulate-duplicate", "0.1",
            "--simulate-reorder", "0.05",
            "--simulate-delay", "1",
            "--simulate-max-delay", "20ms",
            "--simulate-seed", "42");

    assertThat(program.simulate.faults())
        .isEqualTo(new Faults(0.2, 0.1, 0.05, 1, Duration.ofMillis(20), 42));
  }

  @Test
  void byDefaultNoFaultAndARandomSeedThatStays() {
    new CommandLine(program).parseArgs();

    Faults faults = program.simulate.faults();
    assertThat(faults.any()).isFalse();
    assertThat(faults.maxDelay()).isEqualTo(Duration.ofMillis(50));
    assertThat(program.simulate.faults().seed()).isEqualTo(faults.seed());
  }

  @Test
  void refusesAProbabilityAboveOneNamingTheOption() {
    new CommandLine(program).parseArgs("--simulate-loss", "1.5");

    assertThatThrownBy(() -> program.simulate.faults())
        .isInstanceOf(ParameterException.class)
        .hasMessage("--simulate-loss must be a probability from 0 to 1, not 1.5");
  }

  @Test
  void theUserSeesTheRefusalAndTheExitCodeSaysUsage() {
    StringWriter err = new StringWriter();
    CommandLine commandLine = new CommandLine(program).setErr(new PrintWriter(err));

    int exitCode = commandLine.execute("--simulate-delay", "-0.5");

    assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
    assertThat(err.toString())
        .contains("--simulate-delay must be a probability from 0 to 1, not -0.5");
  }

  @Test
  void refusesAMaxDelayAboveAnHourAndOneThatIsNotADuration() {
    new CommandLine(program).parseArgs("--simulate-max-delay", "2h");
    assertThatThrownBy(() -> program.simulate.faults())
        .isInstanceOf(ParameterException.class)
        .hasMessage("--simulate-max-delay must be at most 1h, not 2h");

    assertThatThrownBy(
            () -> new CommandLine(new Program()).parseArgs("--simulate-max-delay", "soon"))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("500ms");
  }

  @Test
  void theHelpSaysItIsATestingAidForEveryDatagram() {
    // Whitespace squeezed: the help wraps its lines.
    String usage = new CommandLine(program).getUsageMessage().replaceAll("\\s+", " ");

    assertThat(usage)
        .contains("--simulate-loss=P", "--simulate-max-delay=DURATION", "--simulate-seed=N")
        .contains("Testing aid")
        .contains("every datagram this program sends and receives");
  }
}
