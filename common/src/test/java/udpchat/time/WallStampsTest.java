package udpchat.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class WallStampsTest {

  @Test
  void aTimersTimeIsShownAtTheWallTimeOfItsMoment() {
    Clock timers = Clock.fixed(Instant.ofEpochMilli(5_000), ZoneOffset.UTC); // nanoTime-like
    Clock wall = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
    WallStamps stamps = new WallStamps(timers, wall);

    assertEquals(Instant.parse("2026-12-03T12:00:00Z"), stamps.instantAt(5_000));
    assertEquals(Instant.parse("2026-12-03T11:59:59Z"), stamps.instantAt(4_000)); // a second ago
  }

  @Test
  void aStepOfTheWallClockMovesWhatIsShownNotTheTimers() {
    SettableClock wall = new SettableClock(Instant.parse("2026-12-03T12:00:00Z"));
    Clock timers = Clock.fixed(Instant.ofEpochMilli(5_000), ZoneOffset.UTC);
    WallStamps stamps = new WallStamps(timers, wall);

    wall.set(Instant.parse("2026-12-03T13:00:00Z")); // NTP or a user set it an hour on

    assertEquals(Instant.parse("2026-12-03T13:00:00Z"), stamps.instantAt(5_000));
    assertEquals(5_000, timers.millis());
  }

  @Test
  void oneClockForBothIsTheIdentity() {
    Clock clock = Clock.fixed(Instant.ofEpochMilli(123_456), ZoneOffset.UTC);
    assertEquals(Instant.ofEpochMilli(777), WallStamps.of(clock).instantAt(777));
  }
}
