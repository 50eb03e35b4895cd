package udpchat.protocol;

/**
 * A datagram that is not valid protocol. The {@link #reason()} is a short stable word used for
 * counting drops and in {@code error} replies; the message says what exactly was wrong.
 *
 * <p>A plain refusal of what a peer sent, never a bug: it has no stack trace (one would be filled
 * in for every garbage datagram a flood brings, and say only where the codec noticed), and no
 * suppressed exceptions, so one made in advance may be thrown again and again.
 */
public final class ProtocolException extends Exception {

  private static final long serialVersionUID = 1L;

  private final Reason reason;

  public ProtocolException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public ProtocolException(Reason reason, String message, Throwable cause) {
    super(message, cause, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  /** Why a datagram was refused; {@link #code()} is the word on the wire and in the logs. */
  public enum Reason {
    OVERSIZE("oversize"),
    NOT_JSON("not-json"),
    NOT_AN_OBJECT("not-an-object"),
    TOO_COMPLEX("too-complex"),
    BAD_VERSION("bad-version"),
    UNKNOWN_TYPE("unknown-type"),
    WRONG_DIRECTION("wrong-direction"),
    BAD_FIELD("bad-field");

    private final String code;

    Reason(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }
}
