package udpchat.protocol;

/**
 * Asks for the last {@code count} room events the server keeps ({@code /history N}); answered by
 * {@link Chat}s and {@link Notice}s that carry {@code ref} = this id and {@code of} = how many the
 * answer has. Sent again with the same id when part of the answer was lost.
 */
public record History(String session, long id, int count) implements SessionMessage {

  /** The most events one request may ask for. */
  public static final int MAX_COUNT = 200;

  public History {
    Fields.session(session);
    Fields.nonNegative("id", id);
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("count must be between 1 and " + MAX_COUNT);
    }
  }

  @Override
  public void dispatch(SessionMessage.Handler handler) {
    handler.onHistory(this);
  }
}
