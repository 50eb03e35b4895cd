package udpchat.server.room;

import java.time.Clock;
import java.util.function.LongUnaryOperator;

/**
 * The wall time (shown to members as {@code at}) of a time of the timers' monotonic clock: the two
 * clocks' offset, read at each call, so a stamp follows the wall clock while no timer does.
 */
public final class WallStamps implements LongUnaryOperator {

  private final Clock timers;
  private final Clock wall;

  public WallStamps(Clock timers, Clock wall) {
    this.timers = timers;
    this.wall = wall;
  }

  @Override
  public long applyAsLong(long timersMs) {
    return timersMs + (wall.millis() - timers.millis());
  }
}
