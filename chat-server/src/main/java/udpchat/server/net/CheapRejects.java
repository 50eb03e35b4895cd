package udpchat.server.net;

import udpchat.protocol.Limits;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.ProtocolException.Reason;

/**
 * The refusals the {@link Receiver} makes before the codec reads a datagram: too large, empty, or
 * beginning with a byte no JSON text begins with (most garbage: random bytes, a stray protocol).
 * Each has exactly the reason the codec would give it, and is made in advance (a {@link
 * ProtocolException} has no stack trace), so a flood of such datagrams allocates nothing. Anything
 * that might be JSON, or that only the codec can tell about, is left to the codec.
 */
final class CheapRejects {

  private static final ProtocolException OVERSIZE =
      new ProtocolException(
          Reason.OVERSIZE, "datagram larger than " + Limits.MAX_DATAGRAM_BYTES + " bytes");

  private static final ProtocolException EMPTY =
      new ProtocolException(Reason.NOT_JSON, "empty datagram");

  /** By first byte: the refusal of a datagram that begins with it, or null if JSON may. */
  private static final ProtocolException[] BY_FIRST_BYTE = new ProtocolException[256];

  static {
    for (int first = 0; first < 256; first++) {
      if (!mayBeginJson(first)) {
        BY_FIRST_BYTE[first] =
            new ProtocolException(
                Reason.NOT_JSON, String.format("not JSON (it begins with byte 0x%02X)", first));
      }
    }
  }

  private CheapRejects() {}

  /**
   * The refusal of the first {@code length} bytes of {@code datagram} when it is certain without
   * reading them as JSON, or null when the codec must decide.
   */
  static ProtocolException of(byte[] datagram, int length) {
    if (length > Limits.MAX_DATAGRAM_BYTES) {
      return OVERSIZE; // the codec's first check too
    }
    int at = 0;
    while (at < length && isBlank(datagram[at])) {
      at++;
    }
    return at == length ? EMPTY : BY_FIRST_BYTE[datagram[at] & 0xFF];
  }

  /** JSON's whitespace, which the codec's parser skips before a value; no other byte. */
  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  /**
   * Whether a value may begin with this byte for the codec's parser (strict JSON: no comments,
   * quotes, NaN or leading plus), or a UTF-8 byte order mark, which it skips; any other byte is
   * refused by the codec as not JSON, whatever follows (a NUL or a malformed UTF-8 sequence also
   * makes it not JSON).
   */
  private static boolean mayBeginJson(int b) {
    return b == '{'
        || b == '['
        || b == '"'
        || b == '-'
        || (b >= '0' && b <= '9')
        || b == 't'
        || b == 'f'
        || b == 'n'
        || b == 0xEF;
  }
}
