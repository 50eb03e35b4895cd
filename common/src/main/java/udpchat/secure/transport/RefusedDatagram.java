package udpchat.secure.transport;

import udpchat.secure.noise.NoiseException;

/** A sealed datagram that {@link SealedChannel#open} refused, and why (for the drop counters). */
public final class RefusedDatagram extends NoiseException {

  private static final long serialVersionUID = 1L;

  /** Why, each a counter a server shows. */
  public enum Reason {
    /** Shorter than a counter and a tag. */
    TOO_SHORT,
    /** Its counter was accepted before: a copy. */
    REPLAYED,
    /** Its counter is too far below the highest accepted to tell whether it is a copy. */
    TOO_OLD,
    /** It does not open: another key, or altered. */
    BAD_SEAL,
    /** Its key id names no session this end holds (the peer forgot it, or it is forged). */
    UNKNOWN_SESSION,
    /** Not a datagram of this protocol's link: plaintext, or another kind than expected here. */
    NOT_SEALED,
    /** A handshake answer that came with no handshake under way, or did not complete. */
    BAD_HANDSHAKE,
    /** The handshake completed, but the server's key is not the one this client trusts. */
    SERVER_KEY_REFUSED
  }

  private final Reason reason;

  public RefusedDatagram(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Shorter than the overhead of a sealed datagram. */
  public static RefusedDatagram tooShort() {
    return new RefusedDatagram(Reason.TOO_SHORT, "shorter than a sealed datagram's overhead");
  }

  /** No stack trace: a forgery is input, not a bug, and a flood of them must stay cheap. */
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }

  public Reason reason() {
    return reason;
  }
}
