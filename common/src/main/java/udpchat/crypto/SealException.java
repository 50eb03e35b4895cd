package udpchat.crypto;

/**
 * A datagram that does not open under the room key: too short, not sealed, sealed for another flow,
 * or altered (its authentication tag does not match). The receiver drops and counts it as {@code
 * bad-seal} ({@link udpchat.protocol.Drops#BAD_SEAL}) before anything reads its contents.
 */
public final class SealException extends Exception {

  public SealException(String message) {
    super(message);
  }
}
