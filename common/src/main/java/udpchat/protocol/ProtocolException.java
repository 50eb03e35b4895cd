package udpchat.protocol;

/**
 * A datagram that is not valid protocol. The {@link #reason()} is a short stable word used for
 * counting drops and in {@code error} replies; the message says what exactly was wrong.
 */
public final class ProtocolException extends Exception {

  private final Reason reason;

  public ProtocolException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ProtocolException(Reason reason, String message, Throwable cause) {
    super(message, cause);
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
