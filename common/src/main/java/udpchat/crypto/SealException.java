package udpchat.crypto;

/**
 * A datagram that does not open under the room key: too short, not sealed, sealed for another flow,
 * or altered (its authentication tag does not match); or one that opens but was opened before, a
 * {@link #replayed() replay}. The receiver drops and counts it as {@code bad-seal} ({@link
 * udpchat.protocol.Drops#BAD_SEAL}) or {@code replayed} before anything reads its contents.
 *
 * <p>A plain refusal, never a bug: no stack trace and no suppressed exceptions, so the seal throws
 * ones made in advance and a flood of forgeries costs no allocation.
 */
public final class SealException extends Exception {

  private static final long serialVersionUID = 1L;

  private final boolean replayed;

  public SealException(String message) {
    this(message, false);
  }

  private SealException(String message, boolean replayed) {
    super(message, null, false, false);
    this.replayed = replayed;
  }

  /** A datagram that opened, but had been opened before. */
  static SealException replay(String message) {
    return new SealException(message, true);
  }

  /** Whether the datagram was genuine but a copy of one already received. */
  public boolean replayed() {
    return replayed;
  }
}
