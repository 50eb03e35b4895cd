package udpchat.protocol;

/**
 * Admits a client: its session token, its name as the room knows it, the heartbeat interval and
 * expiry timeout the server wants, and how many members are online including it.
 */
public record Welcome(String session, String name, long heartbeatMs, long timeoutMs, int online)
    implements ServerMessage {
  public Welcome {
    Fields.session(session);
    Fields.name("name", name);
    if (heartbeatMs <= 0 || timeoutMs <= 0) {
      throw new IllegalArgumentException("heartbeatMs and timeoutMs must be positive");
    }
  }
}
