package udpchat.protocol;

/**
 * Admits a client: its session token, its name as the room knows it, the heartbeat interval and
 * expiry timeout the server wants, and how many members are online including it.
 *
 * <p>{@code epoch} is chosen at random each time the server starts: a client that sees it change
 * knows the server restarted. The member's stream of room events begins after {@code start}; the
 * events up to {@code head} were posted before this join (the backlog on a first join, what the
 * client missed on a rejoin) and follow at once.
 */
public record Welcome(
    String session,
    String name,
    long heartbeatMs,
    long timeoutMs,
    int online,
    long epoch,
    long start,
    long head)
    implements ServerMessage {
  public Welcome {
    Fields.session(session);
    Fields.name("name", name);
    if (heartbeatMs <= 0 || timeoutMs <= 0) {
      throw new IllegalArgumentException("heartbeatMs and timeoutMs must be positive");
    }
    Fields.nonNegative("start", start);
    if (head < start) {
      throw new IllegalArgumentException("head must not be below start");
    }
  }

  @Override
  public void dispatch(ServerMessage.Handler handler) {
    handler.onWelcome(this);
  }
}
