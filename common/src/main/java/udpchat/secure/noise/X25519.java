package udpchat.secure.noise;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * Noise's DH functions for Curve25519 (RFC 7748) over the JDK's {@code XDH} provider, on raw
 * 32-byte keys as Noise sends them.
 *
 * <p>A private key is the 32 random bytes RFC 7748 calls the scalar; the JDK clamps it when it uses
 * it, so any 32 bytes are a key. A public key is the u-coordinate, 32 bytes little-endian. The JDK
 * refuses a public key of small order (its shared secret is all zeros), which Noise allows an
 * implementation to do; that refusal surfaces as a {@link NoiseException}.
 */
public final class X25519 {

  /** DHLEN: the bytes of a public key, a private key and a shared secret. */
  public static final int KEY_BYTES = 32;

  // The base point u = 9: DH(k, 9) is the public key of k, which the JDK has no other call for.
  private static final byte[] BASE_POINT = new byte[KEY_BYTES];

  static {
    BASE_POINT[0] = 9;
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private X25519() {}

  /** GENERATE_KEYPAIR(): a new key pair from {@link SecureRandom}. */
  public static KeyPair generate() {
    byte[] privateKey = new byte[KEY_BYTES];
    RANDOM.nextBytes(privateKey);
    return fromPrivate(privateKey);
  }

  /** The key pair whose private key is {@code privateKey} (32 bytes, as stored or in a vector). */
  public static KeyPair fromPrivate(byte[] privateKey) {
    try {
      return new KeyPair(privateKey, dh(privateKey, BASE_POINT));
    } catch (NoiseException e) {
      throw new IllegalStateException("X25519 of the base point failed", e);
    }
  }

  /** DH(private, public): the 32-byte shared secret. */
  public static byte[] dh(byte[] privateKey, byte[] publicKey) throws NoiseException {
    checkLength(privateKey, "private key");
    checkLength(publicKey, "public key");
    try {
      KeyFactory factory = KeyFactory.getInstance("XDH");
      PrivateKey priv =
          factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, privateKey));
      PublicKey pub =
          factory.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u(publicKey)));
      KeyAgreement agreement = KeyAgreement.getInstance("X25519");
      agreement.init(priv);
      agreement.doPhase(pub, true);
      return agreement.generateSecret();
    } catch (GeneralSecurityException e) {
      throw new NoiseException("X25519 refused the key: " + e.getMessage(), e);
    }
  }

  /** The u-coordinate of a raw public key: little-endian, the top bit masked (RFC 7748 §5). */
  private static BigInteger u(byte[] publicKey) {
    byte[] bigEndian = new byte[KEY_BYTES];
    for (int i = 0; i < KEY_BYTES; i++) {
      bigEndian[i] = publicKey[KEY_BYTES - 1 - i];
    }
    bigEndian[0] &= 0x7f;
    return new BigInteger(1, bigEndian);
  }

  private static void checkLength(byte[] key, String what) {
    if (key == null || key.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "an X25519 "
              + what
              + " has "
              + KEY_BYTES
              + " bytes, not "
              + (key == null ? 0 : key.length));
    }
  }
}
