package udpchat.server.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import udpchat.protocol.Chat;
import udpchat.protocol.Drops;
import udpchat.protocol.Join;
import udpchat.protocol.Say;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;
import udpchat.server.ClientIds;
import udpchat.server.ServerConfig;
import udpchat.server.journal.RoomLog;
import udpchat.time.SettableClock;
import udpchat.time.WallStamps;

/**
 * The room decides on the timers' monotonic clock and stamps with the wall clock: a wall clock set
 * back an hour (or on by a day) moves what members are shown, never when anyone expires.
 */
public class WallClockStepTest {

  static final InetSocketAddress ALICE = new InetSocketAddress("127.0.0.1", 40001);
  static final long TIMEOUT_MS = 15_000;
  static final long WALL_START = Instant.parse("2026-12-02T10:00:00Z").toEpochMilli();

  final SettableClock timers = new SettableClock(5_000); // nanoTime's origin is arbitrary
  final SettableClock wall = new SettableClock(WALL_START);
  final RecordingOutbox outbox = new RecordingOutbox();
  final Room room =
      new Room(
          outbox,
          new Codec(),
          new Drops(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)),
          new RoomLog(100, null),
          Duration.ofMillis(TIMEOUT_MS),
          Duration.ofSeconds(5),
          20,
          42,
          ServerConfig.DEFAULT_MAX_MEMBERS,
          ServerConfig.DEFAULT_MAX_PER_ADDRESS,
          0,
          new WallStamps(timers, wall));

  void advance(long ms) {
    timers.set(timers.millis() + ms);
    wall.set(wall.millis() + ms);
  }

  @Test
  void aStepOfTheWallClockMovesStampsButNotExpiry() {
    Admit.join(
        room, outbox, ALICE, new Join("alice", ClientIds.of("alice"), 1, null), timers.millis());
    String alice = outbox.last(ALICE, Welcome.class).session();
    long lastHeard = timers.millis();

    advance(2_000);
    room.onRequest(ALICE, new Say(alice, 1, "hi", false), timers.millis());
    assertThat(outbox.last(ALICE, Chat.class).at()).isEqualTo(WALL_START + 2_000);

    wall.set(wall.millis() - Duration.ofHours(1).toMillis()); // NTP steps the clock back
    room.expire(lastHeard + 2_000 + TIMEOUT_MS - 1);
    assertThat(room.names()).containsExactly("alice");

    wall.set(wall.millis() + Duration.ofDays(1).toMillis()); // and a user sets it a day on
    room.expire(lastHeard + 2_000 + TIMEOUT_MS - 1);
    assertThat(room.names()).containsExactly("alice"); // on the wall clock alone she would be gone

    room.expire(lastHeard + 2_000 + TIMEOUT_MS + 1);
    assertThat(room.names()).isEmpty();
  }

  @Test
  void aLineIsStampedWithTheWallTimeOfItsMoment() {
    Admit.join(
        room, outbox, ALICE, new Join("alice", ClientIds.of("alice"), 1, null), timers.millis());
    String alice = outbox.last(ALICE, Welcome.class).session();
    wall.set(wall.millis() + Duration.ofDays(1).toMillis());
    room.onRequest(ALICE, new Say(alice, 1, "tomorrow", false), timers.millis());
    assertThat(outbox.last(ALICE, Chat.class).at())
        .isEqualTo(WALL_START + Duration.ofDays(1).toMillis());
  }
}
