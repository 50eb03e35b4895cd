package udpchat.protocol;

/**
 * One datagram of the protocol: a JSON object with {@code "v"} (the protocol version), {@code
 * "type"} (the wire name, see {@link Codec}) and the record's fields. docs/PROTOCOL.md describes
 * every type with an example.
 */
public sealed interface Message permits ClientMessage, ServerMessage {

  /** The protocol version this code speaks; a datagram with another {@code "v"} is refused. */
  int VERSION = 2;
}
