package udpchat.client;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * What a client is started with.
 *
 * @param server the server's address
 * @param name the name to join under
 * @param heartbeat the heartbeat interval chosen by the user, or {@code null} for the server's
 */
public record ClientConfig(InetSocketAddress server, String name, Duration heartbeat) {}
