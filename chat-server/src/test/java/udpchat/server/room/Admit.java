package udpchat.server.room;

import java.net.InetSocketAddress;
import java.util.List;
import udpchat.protocol.Join;
import udpchat.protocol.Retry;
import udpchat.protocol.ServerMessage;

/** Joins a room as a client does from an address that is not a member: join, retry, join again. */
public final class Admit {

  private Admit() {}

  /**
   * Sends {@code join} from {@code from}, which must be answered with a retry, then the same join
   * with the retry's cookie. The retry is taken out of what the outbox recorded, so a test sees
   * what the admitted join brought.
   */
  public static void join(
      Room room, RecordingOutbox outbox, InetSocketAddress from, Join join, long nowMs) {
    room.onRequest(from, join, nowMs);
    List<ServerMessage> sent = outbox.to(from);
    if (sent.isEmpty() || !(sent.get(sent.size() - 1) instanceof Retry retry)) {
      throw new AssertionError("a join from " + from + " was not answered with a retry: " + sent);
    }
    outbox.forget(retry);
    room.onRequest(from, join.withCookie(retry.cookie()), nowMs);
  }
}
