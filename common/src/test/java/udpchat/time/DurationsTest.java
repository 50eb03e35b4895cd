package udpchat.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine.TypeConversionException;

class DurationsTest {

  @ParameterizedTest(name = "\"{0}\" is {1}")
  @CsvSource({
    "500ms, PT0.5S",
    "5s, PT5S",
    "2m, PT2M",
    "1h, PT1H",
    "0s, PT0S",
    "' 5s ', PT5S",
    "007s, PT7S",
    "999999999h, PT999999999H"
  })
  void parsesAWholeNumberAndAUnit(String text, Duration expected) {
    assertThat(Durations.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "5",
        "5x",
        "-5s",
        "+5s",
        "1.5s",
        "s",
        "ms",
        "5 s",
        "5S",
        "1h30m",
        "99999999999s",
        "٥s" // an Arabic-Indic five
      })
  void refusesAnythingElseWithAHint(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("500ms");
  }

  @ParameterizedTest(name = "{0} ms is \"{1}\"")
  @CsvSource({
    "1500, 1500ms",
    "1, 1ms",
    "5000, 5s",
    "90000, 90s",
    "60000, 1m",
    "120000, 2m",
    "3600000, 1h",
    "5400000, 90m",
    "7200000, 2h",
    "0, 0s"
  })
  void formatsTheShortestExactForm(long millis, String expected) {
    assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"PT0S", "PT0.001S", "PT1.5S", "PT5S", "PT2M", "PT1H", "PT25H", "PT1M1S"})
  void parseReadsWhatFormatWrites(Duration duration) {
    assertThat(Durations.parse(Durations.format(duration))).isEqualTo(duration);
  }

  @Test
  void convertsAnOptionValue() {
    assertThat(new Durations().convert("5s")).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void convertTellsPicocliWhatIsWrong() {
    assertThatThrownBy(() -> new Durations().convert("soon"))
        .isInstanceOf(TypeConversionException.class)
        .hasMessageContaining("'soon' is not a duration")
        .hasMessageContaining("500ms");
  }
}
