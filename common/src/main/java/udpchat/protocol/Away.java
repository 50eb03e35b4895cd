package udpchat.protocol;

/**
 * {@code /away}: marks the member away, with an optional {@code reason}, or back when {@code away}
 * is false. Answered by a {@link Presence} to every member, the sender included; a reason over
 * {@link #MAX_REASON_BYTES} (after sanitising) is refused with {@code too-long}.
 */
public record Away(String session, long id, Boolean away, String reason) implements SessionMessage {

  /** The longest reason, measured as a message text is (see {@link Codec#textBytes}). */
  public static final int MAX_REASON_BYTES = 200;

  public Away {
    Fields.session(session);
    Fields.nonNegative("id", id);
    if (away == null) {
      throw new IllegalArgumentException("away is required");
    }
    if (!away && reason != null) {
      throw new IllegalArgumentException("reason is only for away");
    }
  }

  @Override
  public void dispatch(SessionMessage.Handler handler) {
    handler.onAway(this);
  }
}
