/**
 * A session's datagrams after the handshake.
 *
 * <ul>
 *   <li>{@link udpchat.secure.transport.SealedChannel}: seals each payload under an explicit
 *       counter (UDP loses and reorders, so the counter travels in the datagram) and opens the
 *       peer's;
 *   <li>{@code ReplayWindow}: the counters already seen, so a copy is refused (package-private,
 *       {@code SealedChannel}'s alone);
 *   <li>{@link udpchat.secure.transport.RefusedDatagram}: why a datagram did not open, for the drop
 *       counters;
 *   <li>{@link udpchat.secure.transport.RekeyPolicy}: after how many messages or how long a session
 *       handshakes again, and when it is dead.
 * </ul>
 */
package udpchat.secure.transport;
