package udpchat.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key of a private room, derived from its passphrase with PBKDF2-HMAC-SHA256.
 *
 * <p>Every member derives the same key from the same passphrase, so the derivation is fixed: the
 * salt is the protocol label {@value #SALT} (a per-room random salt would have to reach every
 * member before the first datagram, and the room has no secret channel to send it on); the label at
 * least makes a table precomputed for other programs useless here. {@value #ITERATIONS} iterations
 * is OWASP's 2023 figure for PBKDF2-HMAC-SHA256: a fraction of a second once per process start, and
 * as much for every guess an eavesdropper tries against a captured datagram. Against that guessing
 * the only real defence is a long passphrase.
 */
public final class RoomKey {

  /** The PBKDF2 salt, naming the protocol and the derivation's version. */
  public static final String SALT = "udpchat room key v1";

  /** PBKDF2 iterations. */
  public static final int ITERATIONS = 600_000;

  static final int KEY_BITS = 256;

  private final SecretKey key;

  private RoomKey(SecretKey key) {
    this.key = key;
  }

  /**
   * Derives the key of the room whose passphrase this is.
   *
   * @throws IllegalArgumentException when the passphrase is empty
   */
  public static RoomKey derive(char[] passphrase) {
    if (passphrase.length == 0) {
      throw new IllegalArgumentException("the room key cannot be empty");
    }
    PBEKeySpec spec =
        new PBEKeySpec(passphrase, SALT.getBytes(StandardCharsets.US_ASCII), ITERATIONS, KEY_BITS);
    try {
      byte[] bytes =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      return new RoomKey(new SecretKeySpec(bytes, "AES"));
    } catch (GeneralSecurityException e) {
      // Every Java 17 runtime has PBKDF2WithHmacSHA256: this is a broken JDK, not bad input.
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
    } finally {
      spec.clearPassword();
    }
  }

  /** Derives the key from a passphrase given as a string (tests; the options read characters). */
  public static RoomKey derive(String passphrase) {
    return derive(passphrase.toCharArray());
  }

  /**
   * A key of its own for {@code purpose} (such as sealing the journal on disk), derived from this
   * one with HMAC-SHA256: what is sealed for one use never opens as another, and a key learnt from
   * one gives nothing of the room key.
   */
  public RoomKey subkey(String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
      byte[] bytes = mac.doFinal(("udpchat " + purpose + " v1").getBytes(StandardCharsets.UTF_8));
      return new RoomKey(new SecretKeySpec(bytes, "AES"));
    } catch (GeneralSecurityException e) {
      // Every Java 17 runtime has HmacSHA256: this is a broken JDK, not bad input.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  /**
   * The 32 bytes a private room's handshake mixes in as Noise's pre-shared key (NXpsk2): a subkey,
   * so the handshake's key gives nothing of the key that seals discovery and the journal.
   */
  public byte[] handshakeKey() {
    return subkey("noise psk").secretKey().getEncoded();
  }

  SecretKey secretKey() {
    return key;
  }

  @Override
  public String toString() {
    return "RoomKey[hidden]"; // never the key in a log line
  }
}
