package udpchat.secure.link;

import java.nio.charset.StandardCharsets;

/**
 * The datagrams of protocol 3, told apart by their first byte: three of the handshake, and the
 * sealed datagram that carries every message after it.
 *
 * <pre>
 *   hello   client to server  E1 | version 3 | cookie (16) | Noise message 1 (32 or 48) | zeros to 1200
 *   retry   server to client  E2 | cookie (16)                                        17 bytes
 *   accept  server to client  E3 | Noise message 2 (96)                               97 bytes
 *   sealed  both ways         E4 | key id (4) | counter (8) | ciphertext | tag (16)   29 + n
 * </pre>
 *
 * None of these bytes can start JSON (which starts with a brace, whitespace or a BOM), a
 * room-sealed datagram (0xF5 to 0xF9) or a discovery datagram ("UDPCHAT"). A hello is padded to
 * 1200 bytes, so that what the server answers to an unproven address (a retry, an accept) is always
 * much smaller: the server cannot be made an amplifier.
 */
public final class LinkFormat {

  public static final byte HELLO = (byte) 0xE1;
  public static final byte RETRY = (byte) 0xE2;
  public static final byte ACCEPT = (byte) 0xE3;
  public static final byte SEALED = (byte) 0xE4;

  /** The version a hello names; a server refuses (and never answers) another. */
  public static final byte VERSION = 3;

  public static final int COOKIE_BYTES = 16;

  /** A hello's exact length, and so the least a server's first answer is answering. */
  public static final int HELLO_BYTES = 1200;

  /** Where the Noise message starts in a hello: after the kind, the version and the cookie. */
  static final int HELLO_MESSAGE_AT = 2 + COOKIE_BYTES;

  /** Noise NX's first message: the client's ephemeral key, no payload. */
  static final int HELLO_MESSAGE_BYTES = 32;

  /**
   * NXpsk2's: the ephemeral key, then the empty payload's tag, since with a psk the ephemeral key
   * already keys the cipher (Noise §9.2).
   */
  static final int HELLO_MESSAGE_BYTES_PSK = 32 + 16;

  public static final int RETRY_BYTES = 1 + COOKIE_BYTES;

  /** Noise NX's (and NXpsk2's) second message with an empty payload: e, s sealed, tag. */
  static final int ACCEPT_MESSAGE_BYTES = 32 + 32 + 16 + 16;

  public static final int ACCEPT_BYTES = 1 + ACCEPT_MESSAGE_BYTES;

  public static final int KEY_ID_BYTES = 4;

  /** The kind and the key id: the associated data of every sealed datagram. */
  public static final int SEALED_HEADER_BYTES = 1 + KEY_ID_BYTES;

  /** What a sealed datagram has beyond its payload: header, counter and tag. */
  public static final int SEALED_OVERHEAD =
      SEALED_HEADER_BYTES + udpchat.secure.transport.SealedChannel.OVERHEAD;

  /**
   * The largest datagram of protocol 3: a message of the 1200 bytes JSON may have, sealed (1229); a
   * private room's hello inside the room seal is as long (1200 + 29). Within the 1232 bytes of
   * payload the IPv6 minimum MTU allows, so never fragmented.
   */
  public static final int MAX_DATAGRAM_BYTES =
      udpchat.protocol.Limits.MAX_DATAGRAM_BYTES + SEALED_OVERHEAD;

  private static final byte[] NAME = "udpchat".getBytes(StandardCharsets.US_ASCII);

  private LinkFormat() {}

  /**
   * The Noise prologue: {@code "udpchat" || version || cookie}. Both ends mix it into the
   * handshake, so a hello replayed with another cookie, or for another version, does not complete.
   */
  static byte[] prologue(byte[] cookie) {
    byte[] prologue = new byte[NAME.length + 1 + COOKIE_BYTES];
    System.arraycopy(NAME, 0, prologue, 0, NAME.length);
    prologue[NAME.length] = VERSION;
    System.arraycopy(cookie, 0, prologue, NAME.length + 1, COOKIE_BYTES);
    return prologue;
  }

  /** A session's key id: the first 4 bytes of its handshake hash, which both ends hold. */
  static int keyId(byte[] handshakeHash) {
    return (handshakeHash[0] & 0xff) << 24
        | (handshakeHash[1] & 0xff) << 16
        | (handshakeHash[2] & 0xff) << 8
        | (handshakeHash[3] & 0xff);
  }

  /** The key id of a sealed datagram (at least {@link #SEALED_HEADER_BYTES} long). */
  public static int keyIdOf(byte[] datagram, int offset) {
    return (datagram[offset + 1] & 0xff) << 24
        | (datagram[offset + 2] & 0xff) << 16
        | (datagram[offset + 3] & 0xff) << 8
        | (datagram[offset + 4] & 0xff);
  }

  /** A retry carrying {@code cookie}. */
  public static byte[] retry(byte[] cookie) {
    byte[] retry = new byte[RETRY_BYTES];
    retry[0] = RETRY;
    System.arraycopy(cookie, 0, retry, 1, COOKIE_BYTES);
    return retry;
  }
}
