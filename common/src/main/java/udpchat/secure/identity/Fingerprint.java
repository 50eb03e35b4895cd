package udpchat.secure.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import udpchat.secure.noise.X25519;

/**
 * The name of a server's static key that people compare and pin: SHA-256 of the 32-byte public key,
 * written in RFC 4648 base32 (lower case, no padding), which reads aloud and types without
 * confusing 0 and O or 1 and l.
 *
 * <ul>
 *   <li>{@link #toString()}, the full form, stored in known_servers and shown on a change: {@code
 *       SHA256:} and 52 characters (all 256 bits).
 *   <li>{@link #shortForm()}, for people: the first 20 characters in groups of five, {@code
 *       abcde-fghij-klmno-pqrst} (100 bits, far beyond what a forger could match by trying keys).
 * </ul>
 */
public final class Fingerprint {

  private static final String PREFIX = "SHA256:";
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final int SHORT_CHARS = 20;

  /** The size of the digest, SHA-256's, as discovery replies carry it. */
  public static final int DIGEST_BYTES = 32;

  private final byte[] digest;
  private final String text;

  private Fingerprint(byte[] digest) {
    this.digest = digest;
    this.text = PREFIX + base32(digest);
  }

  /** The fingerprint of a 32-byte X25519 public key. */
  public static Fingerprint of(byte[] publicKey) {
    if (publicKey.length != X25519.KEY_BYTES) {
      throw new IllegalArgumentException("a static key has 32 bytes, not " + publicKey.length);
    }
    return new Fingerprint(sha256(publicKey));
  }

  /** The fingerprint whose digest is {@code digest} (as a discovery reply carries it). */
  public static Fingerprint ofDigest(byte[] digest) {
    if (digest.length != DIGEST_BYTES) {
      throw new IllegalArgumentException(
          "a fingerprint's digest has 32 bytes, not " + digest.length);
    }
    return new Fingerprint(digest.clone());
  }

  /** The digest: SHA-256 of the public key, 32 bytes (a copy). */
  public byte[] digest() {
    return digest.clone();
  }

  /** The full form back, as {@link #toString()} wrote it; refuses anything else. */
  public static Fingerprint parse(String text) {
    String body = text.startsWith(PREFIX) ? text.substring(PREFIX.length()) : null;
    if (body == null || body.length() != 52) {
      throw new IllegalArgumentException(
          "a fingerprint is SHA256: and 52 base32 characters, not " + abbreviate(text));
    }
    byte[] digest = new byte[DIGEST_BYTES];
    int buffer = 0;
    int bits = 0;
    int index = 0;
    for (char c : body.toCharArray()) {
      int value = c >= 'a' && c <= 'z' ? c - 'a' : c >= '2' && c <= '7' ? c - '2' + 26 : -1;
      if (value < 0) {
        throw new IllegalArgumentException("not a base32 character in a fingerprint: " + c);
      }
      buffer = (buffer << 5) | value;
      bits += 5;
      if (bits >= 8 && index < digest.length) {
        digest[index++] = (byte) (buffer >>> (bits - 8));
        bits -= 8;
      }
    }
    Fingerprint parsed = new Fingerprint(digest);
    if (!parsed.text.equals(text)) { // the last character's spare bits were not zero
      throw new IllegalArgumentException("not a canonical fingerprint: " + abbreviate(text));
    }
    return parsed;
  }

  /** The short form for people: 20 base32 characters in groups of five. */
  public String shortForm() {
    String body = text.substring(PREFIX.length(), PREFIX.length() + SHORT_CHARS);
    return String.join(
        "-",
        body.substring(0, 5),
        body.substring(5, 10),
        body.substring(10, 15),
        body.substring(15));
  }

  /**
   * Whether {@code pinned} (what a user gave, e.g. {@code --server-fingerprint}) names this key:
   * the full form, or the short form with or without its dashes, in either case.
   */
  public boolean matches(String pinned) {
    String given = pinned.strip();
    if (given.startsWith(PREFIX)) {
      return given.equals(text);
    }
    String compact = given.replace("-", "").toLowerCase(Locale.ROOT);
    return compact.length() == SHORT_CHARS
        && compact.equals(text.substring(PREFIX.length(), PREFIX.length() + SHORT_CHARS));
  }

  /** The full form: {@code SHA256:} and 52 base32 characters. */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fingerprint other && Arrays.equals(digest, other.digest);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digest);
  }

  private static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(ALPHABET[(buffer >>> (bits - 5)) & 31]);
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(ALPHABET[(buffer << (5 - bits)) & 31]);
    }
    return out.toString();
  }

  private static String abbreviate(String text) {
    return text.length() > 70 ? text.substring(0, 70) + "..." : text;
  }

  /**
   * Plain SHA-256 of the key, from the JDK: the fingerprint is defined on its own, not by the Noise
   * hash functions in {@code udpchat.secure.noise}, which stay private to that package.
   */
  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
