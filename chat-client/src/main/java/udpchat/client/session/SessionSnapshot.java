package udpchat.client.session;

/**
 * What the {@link SessionAgent} publishes after each cycle, for the threads that may not read the
 * session itself: the input loop (the prompt, whether messages are still unsettled at quit) and
 * tests (the counters).
 */
public record SessionSnapshot(
    Session.State state,
    String name,
    boolean everJoined,
    int unsettled,
    long lastShown,
    long duplicatesDropped,
    long retransmissions) {

  /** Read on the agent's thread, the session's owner. */
  static SessionSnapshot of(Session session) {
    return new SessionSnapshot(
        session.state(),
        session.name(),
        session.everJoined(),
        session.unsettled(),
        session.lastShown(),
        session.duplicatesDropped(),
        session.retransmissions());
  }
}
