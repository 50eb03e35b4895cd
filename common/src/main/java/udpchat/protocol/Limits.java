package udpchat.protocol;

/**
 * The sizes both sides enforce. A datagram is one JSON object in UTF-8; nothing is ever fragmented
 * or truncated by us, so these limits are what keep a datagram inside one unfragmented IP packet.
 */
public final class Limits {

  /**
   * The largest datagram either side sends or accepts, in bytes. 1200 bytes fit in one packet on
   * every path a LAN chat meets: Ethernet (1472 bytes of UDP payload over IPv4, 1452 over IPv6),
   * the IPv6 minimum MTU of 1280 (1232 bytes of payload), and tunnels such as WireGuard or PPPoE.
   * QUIC picked the same figure for the same reason.
   */
  public static final int MAX_DATAGRAM_BYTES = 1200;

  /**
   * The smallest join accepted, in bytes: the codec pads every join to it, and the server drops a
   * shorter one unanswered. Every answer to a join (a retry, a refusal) is then no larger than the
   * join, so forged joins cannot make the server send more bytes than it receives. QUIC pads a
   * client's first datagram to the same 1200 bytes for the same reason.
   */
  public static final int MIN_JOIN_BYTES = MAX_DATAGRAM_BYTES;

  /**
   * The largest message text, measured as its JSON string body in UTF-8 (escapes included). The
   * rest of the datagram (type, sender, recipient, numbers) needs less than 400 bytes, so a text
   * that a client may send always fits when the server forwards it with the sender's name.
   */
  public static final int MAX_TEXT_BYTES = 800;

  /** A name is 1 to 32 Unicode code points; see {@link Names} for the characters. */
  public static final int MAX_NAME_CODE_POINTS = 32;

  /** JSON nesting: our messages are an object holding at most one array of strings. */
  public static final int MAX_NESTING_DEPTH = 4;

  /** The longest number literal accepted: enough for any long. */
  public static final int MAX_NUMBER_CHARS = 20;

  /** The longest field name accepted; ours are short words. */
  public static final int MAX_FIELD_NAME_CHARS = 32;

  private Limits() {}
}
