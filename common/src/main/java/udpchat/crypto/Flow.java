package udpchat.crypto;

/**
 * Which way a sealed datagram goes, written as its first byte and authenticated with it, so a
 * datagram sealed for one flow does not open as another: a client's request reflected back at a
 * client, or a chat datagram sent to the discovery port, fails to open.
 *
 * <p>The bytes 0xF5 to 0xF9 never occur in UTF-8, so a sealed datagram can never be mistaken for
 * JSON (a server without a key refuses it as {@code not-json}), nor for a discovery datagram (which
 * starts with "UDPCHAT"). They also name the format: a later one would take other bytes.
 */
public enum Flow {
  /** A chat request, client to server. */
  TO_SERVER(0xF5),
  /** A chat reply or room event, server to client. */
  TO_CLIENT(0xF6),
  /** A discovery request, client to any server. */
  DISCOVERY_REQUEST(0xF7),
  /** A discovery reply, server to the asking client. */
  DISCOVERY_REPLY(0xF8),
  /** A line of a private room's journal, sealed at rest on the server's disk. */
  AT_REST(0xF9);

  private final byte header;

  Flow(int header) {
    this.header = (byte) header;
  }

  /** The first byte of a datagram sealed for this flow. */
  public byte header() {
    return header;
  }
}
