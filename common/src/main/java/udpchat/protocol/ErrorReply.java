package udpchat.protocol;

/**
 * A refusal the client should show: {@code code} is one of the constants below, {@code message}
 * says it in words, {@code ref} is the id of the request it answers (0 when none), and {@code n}
 * the message number when it refuses a {@link Say} or {@link Tell} (absent otherwise).
 */
public record ErrorReply(String code, String message, long ref, Long n) implements ServerMessage {

  public static final String NAME_TAKEN = "name-taken";
  public static final String NAME_INVALID = "name-invalid";
  public static final String ALREADY_JOINED = "already-joined";
  public static final String NO_SUCH_MEMBER = "no-such-member";
  public static final String TOO_LONG = "too-long";
  public static final String MALFORMED = "malformed";
  public static final String ROOM_FULL = "room-full";
  public static final String NOT_STORED = "not-stored";

  public ErrorReply {
    Fields.text("code", code);
    Fields.text("message", message);
    Fields.nonNegative("ref", ref);
    if (n != null) {
      Fields.positive("n", n);
    }
  }

  /** An error answering request {@code ref} (0 for none). */
  public ErrorReply(String code, String message, long ref) {
    this(code, message, ref, null);
  }

  /** An error refusing message number {@code n}. */
  public static ErrorReply refusing(long n, String code, String message) {
    return new ErrorReply(code, message, 0, n);
  }

  @Override
  public void dispatch(ServerMessage.Handler handler) {
    handler.onErrorReply(this);
  }
}
