package udpchat.client.view.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import udpchat.client.view.StatusSink;
import udpchat.client.view.format.Palette;

class StatusLineTest {

  @Test
  void saysTheRoomTheCountTheStateAndTheRoundTrip() {
    StatusSink.Report report = new StatusSink.Report("127.0.0.1:9999", 3, "connected", 2, null);
    AttributedString line = StatusLine.render(report, Palette.colour());
    assertThat(line.toString()).isEqualTo(" 127.0.0.1:9999 | 3 online | connected | rtt 2 ms ");
    assertThat(line.styleAt(0)).isEqualTo(Palette.colour().status());
    assertThat(StatusLine.render(report, Palette.monochrome()).toAnsi(256, false))
        .doesNotContain("\u001b");
  }

  @Test
  void anUnknownRoundTripAndOneUnderAMillisecond() {
    assertThat(
            StatusLine.render(
                    new StatusSink.Report("[::1]:9999", 1, "connecting", -1, null),
                    Palette.monochrome())
                .toString())
        .contains("rtt - ");
    assertThat(
            StatusLine.render(
                    new StatusSink.Report("h:1", 1, "connected", 0, "away: \u001b[2Jlunch"),
                    Palette.monochrome())
                .toString())
        .contains("rtt <1 ms | away: ^[[2Jlunch ");
  }
}
