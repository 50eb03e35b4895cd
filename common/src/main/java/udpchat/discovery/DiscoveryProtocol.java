package udpchat.discovery;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import udpchat.secure.identity.Fingerprint;
import udpchat.text.Names;

/**
 * The discovery protocol: a client asks "is a chat server there?" by UDP broadcast on its own port
 * ({@link #DEFAULT_PORT}), and each server answers with its chat port and room name. The reply's
 * source address is the server's address. Separate from the chat protocol, and deliberately tiny
 * and binary, so that a server can check a request completely in a few lines.
 *
 * <pre>
 * request, exactly 512 bytes (REQUEST_BYTES):
 *   0  16  magic "UDPCHAT-DISCOVER" (ASCII)
 *  16   1  version, 3 (1 and 2 from older clients: answered in kind)
 *  17   8  nonce, chosen at random by the client, echoed in the reply
 *  25 487  zero bytes (padding: a reply is never larger than the request)
 *
 * reply, 29 to 196 bytes (at most REPLY_MAX_BYTES, always less than the request):
 *   0  16  magic "UDPCHAT-HERE\0\0\0\0" (ASCII, zero-filled)
 *  16   1  version: the request's
 *  17   8  the request's nonce
 *  25   2  the chat port, big-endian, 1..65535
 *  27   1  n, the length of the room name in bytes, 1..128
 *  28   n  the room name, UTF-8, a valid name (see Names: 1 to 32 letters, digits, _ - .)
 *  28+n 8  version 2 and 3: the server's instance (its epoch), the same through every
 *          interface, so a client that hears one server twice lists it once
 *  36+n 32 version 3 only: the server's key, as its fingerprint's digest (SHA-256 of the static
 *          public key, see Fingerprint), which the client then requires of the handshake
 * </pre>
 *
 * Anything else is not a request or not a reply: wrong length, magic, version, padding that is not
 * zero, a bad port, a room name that is not valid UTF-8 or not a valid name, trailing bytes.
 */
public final class DiscoveryProtocol {

  /** The UDP port servers listen on for discovery requests. */
  public static final int DEFAULT_PORT = 9998;

  public static final int REQUEST_BYTES = 512;
  public static final int REPLY_MAX_BYTES = 28 + 128 + 8 + Fingerprint.DIGEST_BYTES;

  /** The version clients send: replies carry the server's instance and key. */
  static final byte VERSION = 3;

  /** Still answered: replies carry the instance but no key. */
  static final byte VERSION_2 = 2;

  /** The first version, still answered: its replies carry no instance. */
  static final byte VERSION_1 = 1;

  private static final byte[] REQUEST_MAGIC = ascii("UDPCHAT-DISCOVER");
  private static final byte[] REPLY_MAGIC = Arrays.copyOf(ascii("UDPCHAT-HERE"), 16);
  private static final int HEADER = 16 + 1 + 8;

  private DiscoveryProtocol() {}

  /**
   * A server's answer: its chat port and room name (the address is where the reply came from), its
   * instance (0 from a server of version 1, which says none) and its key (null from a server of
   * version 1 or 2).
   */
  public record Reply(long nonce, int port, String room, long instance, Fingerprint serverKey) {

    public Reply(long nonce, int port, String room) {
      this(nonce, port, room, 0, null);
    }

    public Reply {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("port must be 1..65535");
      }
      if (!Names.isWellFormed(room)) {
        throw new IllegalArgumentException("the room name must be a valid name");
      }
    }
  }

  public static byte[] request(long nonce) {
    ByteBuffer buffer = ByteBuffer.allocate(REQUEST_BYTES);
    buffer.put(REQUEST_MAGIC).put(VERSION).putLong(nonce);
    return buffer.array(); // the rest is already zero
  }

  /** The nonce of a well-formed request, or empty for anything else. */
  public static Optional<Long> readRequest(byte[] datagram, int length) {
    if (length != REQUEST_BYTES || !startsWith(datagram, REQUEST_MAGIC)) {
      return Optional.empty();
    }
    ByteBuffer buffer = ByteBuffer.wrap(datagram, 0, length);
    buffer.position(REQUEST_MAGIC.length);
    byte version = buffer.get();
    if (version != VERSION && version != VERSION_2 && version != VERSION_1) {
      return Optional.empty();
    }
    long nonce = buffer.getLong();
    for (int i = HEADER; i < REQUEST_BYTES; i++) {
      if (datagram[i] != 0) {
        return Optional.empty();
      }
    }
    return Optional.of(nonce);
  }

  /** The version of a well-formed request (see {@link #readRequest}): its reply's. */
  public static int version(byte[] request) {
    return request[REQUEST_MAGIC.length];
  }

  /** The reply of the current version, with the server's instance and key. */
  public static byte[] reply(Reply reply) {
    return reply(reply, VERSION);
  }

  /**
   * The reply in {@code version}, the request's: 1 has no instance, 2 no key, 3 (or a later one,
   * answered as 3) both; a reply of version 3 needs a key.
   */
  public static byte[] reply(Reply reply, int version) {
    byte[] room = reply.room().getBytes(StandardCharsets.UTF_8);
    byte answered = version == VERSION_1 || version == VERSION_2 ? (byte) version : VERSION;
    if (answered == VERSION && reply.serverKey() == null) {
      throw new IllegalArgumentException("a reply of version 3 carries the server's key");
    }
    ByteBuffer buffer = ByteBuffer.allocate(HEADER + 3 + room.length + trailerBytes(answered));
    buffer.put(REPLY_MAGIC).put(answered).putLong(reply.nonce());
    buffer.putShort((short) reply.port()).put((byte) room.length).put(room);
    if (answered != VERSION_1) {
      buffer.putLong(reply.instance());
    }
    if (answered == VERSION) {
      buffer.put(reply.serverKey().digest());
    }
    return buffer.array();
  }

  /** What follows the room name in a reply of {@code version}: instance, then key. */
  private static int trailerBytes(byte version) {
    return switch (version) {
      case VERSION_1 -> 0;
      case VERSION_2 -> 8;
      default -> 8 + Fingerprint.DIGEST_BYTES;
    };
  }

  /** The reply in {@code datagram}, or empty when it is not a well-formed one. */
  public static Optional<Reply> readReply(byte[] datagram, int length) {
    if (length < HEADER + 4 || length > REPLY_MAX_BYTES || !startsWith(datagram, REPLY_MAGIC)) {
      return Optional.empty();
    }
    ByteBuffer buffer = ByteBuffer.wrap(datagram, 0, length);
    buffer.position(REPLY_MAGIC.length);
    byte version = buffer.get();
    if (version != VERSION && version != VERSION_2 && version != VERSION_1) {
      return Optional.empty();
    }
    long nonce = buffer.getLong();
    int port = Short.toUnsignedInt(buffer.getShort());
    int roomBytes = Byte.toUnsignedInt(buffer.get());
    if (roomBytes + trailerBytes(version) != buffer.remaining()) {
      return Optional.empty();
    }
    try {
      ByteBuffer roomField = buffer.slice(buffer.position(), roomBytes);
      String room =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(roomField)
              .toString();
      int trailer = buffer.position() + roomBytes;
      long instance = version == VERSION_1 ? 0 : buffer.getLong(trailer);
      Fingerprint key = null;
      if (version == VERSION) {
        byte[] digest = new byte[Fingerprint.DIGEST_BYTES];
        buffer.get(trailer + 8, digest);
        key = Fingerprint.ofDigest(digest);
      }
      return Optional.of(new Reply(nonce, port, room, instance, key));
    } catch (CharacterCodingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean startsWith(byte[] datagram, byte[] magic) {
    return datagram.length >= magic.length
        && Arrays.equals(datagram, 0, magic.length, magic, 0, magic.length);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
