package udpchat.protocol;

/**
 * Acknowledges the member's stream of room events up to and including {@code seq}: everything the
 * client has shown, in order. The server sends again, with a backoff, what is not acknowledged.
 *
 * <p>{@code missingTo}, when present, says the client holds later events and misses those after
 * {@code seq} up to and including {@code missingTo} (the predecessor of the first event it holds):
 * the server sends those again at once, and only those.
 */
public record Ack(String session, long seq, Long missingTo) implements SessionMessage {
  public Ack {
    Fields.session(session);
    Fields.nonNegative("seq", seq);
    if (missingTo != null && missingTo <= seq) {
      throw new IllegalArgumentException("missingTo must be above seq");
    }
  }

  /** An ack with no gap. */
  public Ack(String session, long seq) {
    this(session, seq, null);
  }

  @Override
  public void dispatch(SessionMessage.Handler handler) {
    handler.onAck(this);
  }
}
