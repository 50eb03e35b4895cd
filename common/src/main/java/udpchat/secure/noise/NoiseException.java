package udpchat.secure.noise;

import java.security.GeneralSecurityException;

/**
 * A handshake or transport message that cannot be accepted: it does not open (wrong key, tampered,
 * wrong pre-shared key), is malformed, or comes out of turn. The session that raised it is no
 * longer usable for a handshake; a transport refusal leaves the channel as it was.
 */
public class NoiseException extends GeneralSecurityException {

  private static final long serialVersionUID = 1L;

  public NoiseException(String message) {
    super(message);
  }

  public NoiseException(String message, Throwable cause) {
    super(message, cause);
  }
}
