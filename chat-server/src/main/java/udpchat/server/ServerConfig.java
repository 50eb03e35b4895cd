package udpchat.server;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * What a server is started with.
 *
 * @param bind the address and port of the socket (port 0 picks a free one)
 * @param timeout a member whose last datagram is older than this is expired
 * @param sweep how often the room is checked for expired members
 */
public record ServerConfig(InetSocketAddress bind, Duration timeout, Duration sweep) {

  public ServerConfig {
    if (timeout.isNegative() || timeout.isZero() || sweep.isNegative() || sweep.isZero()) {
      throw new IllegalArgumentException("timeout and sweep must be positive");
    }
  }

  /**
   * The heartbeat interval the server asks of its clients: a third of the timeout, so a member is
   * expired only after two heartbeats in a row were lost (as JGroups' FD_ALL3 suspects after
   * several missed intervals, not one).
   */
  public Duration heartbeat() {
    return timeout.dividedBy(3);
  }
}
