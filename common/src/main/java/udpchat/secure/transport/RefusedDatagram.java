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
    BAD_SEAL
  }

  private final Reason reason;

  RefusedDatagram(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
