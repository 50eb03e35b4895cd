package udpchat.server.door;

import java.security.SecureRandom;
import java.util.Base64;

/** Session tokens: 128 bits from a cryptographic random source, as 22 base64url characters. */
public final class SessionTokens {

  private final SecureRandom random = new SecureRandom();
  private final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();

  public String next() {
    byte[] bits = new byte[16];
    random.nextBytes(bits);
    return encoder.encodeToString(bits);
  }
}
