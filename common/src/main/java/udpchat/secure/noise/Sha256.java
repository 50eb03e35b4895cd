package udpchat.secure.noise;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Noise's hash functions for SHA-256: HASH, HMAC-HASH and the HKDF of the Noise specification §4.3
 * (which is RFC 5869's extract and expand with the chaining key as salt and no info).
 */
final class Sha256 {

  /** HASHLEN. */
  static final int HASH_BYTES = 32;

  /** BLOCKLEN: a protocol name longer than this many bytes is hashed, not padded. */
  static final int BLOCK_BYTES = 64;

  private Sha256() {}

  static byte[] hash(byte[]... parts) {
    MessageDigest digest = digest();
    for (byte[] part : parts) {
      digest.update(part);
    }
    return digest.digest();
  }

  static byte[] hmac(byte[] key, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      // A zero-length key is legal in HMAC but not in SecretKeySpec; HMAC pads keys with zeros
      // to a block anyway, so one zero byte is the same key.
      mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /**
   * HKDF(chaining_key, input_key_material, num_outputs): two or three 32-byte outputs, output i
   * being HMAC(temp_key, output(i-1) || byte(i)).
   */
  static byte[][] hkdf(byte[] chainingKey, byte[] inputKeyMaterial, int outputs) {
    if (outputs < 2 || outputs > 3) {
      throw new IllegalArgumentException("HKDF gives 2 or 3 outputs, not " + outputs);
    }
    byte[] tempKey = hmac(chainingKey, inputKeyMaterial);
    byte[][] out = new byte[outputs][];
    byte[] previous = new byte[0];
    for (int i = 0; i < outputs; i++) {
      previous = hmac(tempKey, previous, new byte[] {(byte) (i + 1)});
      out[i] = previous;
    }
    return out;
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
