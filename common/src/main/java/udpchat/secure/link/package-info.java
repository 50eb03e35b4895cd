/**
 * Protocol 3's link: the handshake after the cookie, and every datagram after it sealed under its
 * session ({@link udpchat.secure.link.LinkFormat} has the layout).
 *
 * <ul>
 *   <li>{@link udpchat.secure.link.Initiator}: the client's end, one owner thread, time as an
 *       argument: handshakes when there is something to send, seals, opens, rekeys;
 *   <li>{@link udpchat.secure.link.Responder}: the server's end of one handshake, stateless between
 *       hellos;
 *   <li>{@link udpchat.secure.link.SealedSession}: a completed handshake's keys with the wire's
 *       header (kind and key id);
 *   <li>{@link udpchat.secure.link.ServerKeyCheck}: what the client decides about the server's key.
 * </ul>
 */
package udpchat.secure.link;
