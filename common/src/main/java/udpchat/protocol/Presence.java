package udpchat.protocol;

/**
 * A member's presence changed: {@code state} is one of the constants below. {@code reason} comes
 * with {@link #AWAY} when the member gave one; {@code silentMs} with {@link #SUSPECT}, how long the
 * server has not heard from the member. Also sent after a {@code members} reply, one per member
 * that is not {@link #ACTIVE}.
 */
public record Presence(String name, String state, String reason, Long silentMs)
    implements ServerMessage {

  /** Heard from within half the timeout, and not away. */
  public static final String ACTIVE = "active";

  /** Said {@code /away}. */
  public static final String AWAY = "away";

  /** Not heard from for more than half the timeout: expired soon unless it speaks. */
  public static final String SUSPECT = "suspect";

  public Presence {
    Fields.name("name", name);
    Fields.text("state", state);
    if (silentMs != null) {
      Fields.nonNegative("silentMs", silentMs);
    }
  }

  @Override
  public void dispatch(ServerMessage.Handler handler) {
    handler.onPresence(this);
  }
}
