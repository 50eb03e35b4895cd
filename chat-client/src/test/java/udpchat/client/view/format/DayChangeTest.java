package udpchat.client.view.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import udpchat.client.view.Event;
import udpchat.client.view.terminal.PlainView;

/** The day-change line, irssi style, in the local zone of an injected clock. */
class DayChangeTest {

  /** Wednesday 2 December 2026, 09:30 in Berlin (UTC+1). */
  static final Instant NOW = Instant.parse("2026-12-02T08:30:00Z");

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  final Clock clock = Clock.fixed(NOW, BERLIN);

  @Test
  void aLineOfTodayNeedsNoDayLine() {
    assertThat(new DayChange(clock).before(NOW.minusSeconds(3600))).isNull();
  }

  @Test
  void eachChangeOfDayIsSaidOnceInTheLocalZone() {
    DayChange days = new DayChange(clock);
    // 23:10 UTC on the 1st is 00:10 on the 2nd in Berlin: today, no line.
    assertThat(days.before(Instant.parse("2026-12-01T23:10:00Z"))).isNull();
    assertThat(days.before(Instant.parse("2026-12-01T20:00:00Z")))
        .isEqualTo("-- Tuesday 1 December 2026 --");
    assertThat(days.before(Instant.parse("2026-12-01T21:00:00Z"))).isNull();
    assertThat(days.before(NOW)).isEqualTo("-- Wednesday 2 December 2026 --");
    assertThat(days.before(NOW.plusSeconds(60))).isNull();
  }

  @Test
  void thePlainViewSeparatesYesterdaysBacklogFromTodayAndDatesItsLines() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PlainView view =
        new PlainView(new ByteArrayInputStream(new byte[0]), out, new EventFormat(clock));
    view.show(Event.notice(NOW, "joined"));
    view.show(Event.message(Instant.parse("2026-12-01T22:58:00Z"), "bob", "late", false).asOld());
    view.show(Event.message(NOW, "bob", "morning", false));
    assertThat(out.toString(StandardCharsets.UTF_8).lines())
        .containsExactly(
            "09:30:00 -- joined",
            "-- Tuesday 1 December 2026 --",
            "2026-12-01 23:58:00 [history] <bob> late",
            "-- Wednesday 2 December 2026 --",
            "09:30:00 <bob> morning");
  }
}
