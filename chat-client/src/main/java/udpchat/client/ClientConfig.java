package udpchat.client;

import java.net.InetSocketAddress;
import java.time.Duration;
import udpchat.net.Faults;

/**
 * What a client is started with.
 *
 * @param server the server's address
 * @param name the name to join under
 * @param heartbeat the heartbeat interval chosen by the user, or {@code null} for the server's
 * @param faults the faults to simulate on the socket (a testing aid), {@link Faults#NONE} normally
 */
public record ClientConfig(
    InetSocketAddress server, String name, Duration heartbeat, Faults faults) {

  public ClientConfig(InetSocketAddress server, String name, Duration heartbeat) {
    this(server, name, heartbeat, Faults.NONE);
  }
}
