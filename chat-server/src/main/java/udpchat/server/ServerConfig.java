package udpchat.server;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import udpchat.crypto.RoomKey;
import udpchat.net.Faults;

/**
 * What a server is started with.
 *
 * @param bind the address and port of the socket (port 0 picks a free one)
 * @param timeout a member whose last datagram is older than this is expired
 * @param sweep how often the room is checked for expired members
 * @param history how many room events are kept in memory (for retransmission, catch-up, history)
 * @param backlog how many recent messages a newcomer is shown
 * @param data the folder of the room's journal, or {@code null} to keep nothing on disk
 * @param faults the faults to simulate on the socket (a testing aid), {@link Faults#NONE} normally
 * @param roomKey the key of a private room (every datagram sealed with it), or {@code null}
 */
public record ServerConfig(
    InetSocketAddress bind,
    Duration timeout,
    Duration sweep,
    int history,
    int backlog,
    Path data,
    Faults faults,
    RoomKey roomKey) {

  public static final int DEFAULT_HISTORY = 1000;
  public static final int DEFAULT_BACKLOG = 20;

  public ServerConfig {
    if (timeout.isNegative() || timeout.isZero() || sweep.isNegative() || sweep.isZero()) {
      throw new IllegalArgumentException("timeout and sweep must be positive");
    }
    if (history < 1 || backlog < 0) {
      throw new IllegalArgumentException("history must be at least 1 and backlog not negative");
    }
  }

  /** An open room (no room key). */
  public ServerConfig(
      InetSocketAddress bind,
      Duration timeout,
      Duration sweep,
      int history,
      int backlog,
      Path data,
      Faults faults) {
    this(bind, timeout, sweep, history, backlog, data, faults, null);
  }

  /** A server that keeps nothing on disk, with the default history and backlog. */
  public ServerConfig(InetSocketAddress bind, Duration timeout, Duration sweep) {
    this(bind, timeout, sweep, DEFAULT_HISTORY, DEFAULT_BACKLOG, null, Faults.NONE, null);
  }

  /**
   * The heartbeat interval the server asks of its clients: a third of the timeout, so a member is
   * expired only after two heartbeats in a row were lost (as JGroups' FD_ALL3 suspects after
   * several missed intervals, not one).
   */
  public Duration heartbeat() {
    return timeout.dividedBy(3);
  }

  public ServerConfig withFaults(Faults simulated) {
    return new ServerConfig(bind, timeout, sweep, history, backlog, data, simulated, roomKey);
  }

  /** The same server, for a private room sealed with {@code key} (null: an open room). */
  public ServerConfig withRoomKey(RoomKey key) {
    return new ServerConfig(bind, timeout, sweep, history, backlog, data, faults, key);
  }
}
