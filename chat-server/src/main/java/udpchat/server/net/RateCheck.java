package udpchat.server.net;

import java.net.InetAddress;

/**
 * The per-source rate limit the {@link Receiver} asks before it opens or parses a datagram (the
 * door's flood gate): an interface here, so the receive path does not depend on the door.
 */
public interface RateCheck {

  /** Whether a datagram from {@code source} at {@code nowMs} is within its rate. */
  boolean allow(InetAddress source, long nowMs);
}
