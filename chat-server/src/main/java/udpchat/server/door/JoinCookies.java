package udpchat.server.door;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless join cookies: a cookie is HMAC-SHA256 over a source address (IP and port) and a time
 * slot, under a secret of that slot, cut to 128 bits and written as 22 base64url characters. Only
 * whoever receives at the address learns its cookie, so a join that echoes one proves its source
 * address, and the server remembers nothing about an address until then (as a DTLS
 * HelloVerifyRequest or a QUIC Retry token).
 *
 * <p>Each slot ({@link #SLOT_MS}) has a fresh secret from {@link SecureRandom}; the cookies of the
 * current and of the previous slot are accepted, so a cookie is good for 30 to 60 seconds, and one
 * that leaked is worthless soon after. The time is an argument: the secrets rotate when a call
 * brings a later slot. Thread-safe.
 */
public final class JoinCookies {

  public static final long SLOT_MS = 30_000;

  /** 128 bits of the MAC: a forger must guess them, one try per datagram. */
  static final int COOKIE_BYTES = 16;

  private static final String ALGORITHM = "HmacSHA256";

  private final SecureRandom random = new SecureRandom();
  private final Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
  private long slot = Long.MIN_VALUE;
  private Mac current;
  private Mac previous;

  /** The cookie for {@code address} at {@code nowMs}. */
  synchronized String mint(InetSocketAddress address, long nowMs) {
    rotate(nowMs);
    return encoder.encodeToString(mac(current, address, slot));
  }

  /** The cookie for {@code address} at {@code nowMs}, as the bytes a hello carries. */
  public synchronized byte[] mintBytes(InetSocketAddress address, long nowMs) {
    rotate(nowMs);
    return mac(current, address, slot);
  }

  /** Whether the bytes of {@code cookie} are the cookie of {@code address} (see below). */
  public synchronized boolean validBytes(byte[] cookie, InetSocketAddress address, long nowMs) {
    rotate(nowMs);
    return MessageDigest.isEqual(cookie, mac(current, address, slot))
        || MessageDigest.isEqual(cookie, mac(previous, address, slot - 1));
  }

  /** Whether {@code cookie} is the one for {@code address}, of this slot or the one before. */
  synchronized boolean valid(String cookie, InetSocketAddress address, long nowMs) {
    if (cookie == null) {
      return false;
    }
    rotate(nowMs);
    byte[] given;
    try {
      given = Base64.getUrlDecoder().decode(cookie);
    } catch (IllegalArgumentException e) {
      return false; // not base64url: no cookie of ours
    }
    // Compared in constant time, so the time taken tells a forger nothing about the right bytes.
    return MessageDigest.isEqual(given, mac(current, address, slot))
        || MessageDigest.isEqual(given, mac(previous, address, slot - 1));
  }

  /**
   * Moves to the slot of {@code nowMs}, with a new secret; a clock that went back moves nothing.
   */
  private void rotate(long nowMs) {
    long now = Math.floorDiv(nowMs, SLOT_MS);
    if (now <= slot) {
      return;
    }
    // The previous slot's secret is kept only when it is the slot just before: cookies older than
    // that are refused.
    previous = now == slot + 1 ? current : newMac();
    current = newMac();
    slot = now;
  }

  private Mac newMac() {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has " + ALGORITHM, e);
    }
  }

  private static byte[] mac(Mac mac, InetSocketAddress address, long slot) {
    byte[] ip = address.getAddress().getAddress(); // 4 or 16 bytes: never the same input twice
    ByteBuffer input = ByteBuffer.allocate(ip.length + 2 + 8);
    input.put(ip).putShort((short) address.getPort()).putLong(slot);
    return Arrays.copyOf(mac.doFinal(input.array()), COOKIE_BYTES);
  }
}
