/**
 * The cryptographic core of issue 18: a Noise handshake (revision 34) after the join cookie, then
 * every datagram sealed with the session's keys.
 *
 * <p>The pieces, bottom up:
 *
 * <ul>
 *   <li>{@link udpchat.secure.X25519}, {@code Sha256}, {@link udpchat.secure.CipherState}: Noise's
 *       DH, hash and cipher functions for {@code 25519_ChaChaPoly_SHA256}, on the JDK alone.
 *   <li>{@code SymmetricState}, {@link udpchat.secure.HandshakeState}, {@link
 *       udpchat.secure.HandshakePattern}: the handshake, NX for open rooms, NXpsk2 (the room key as
 *       the pre-shared key) for private ones, NK for a client that already knows the server's key.
 *   <li>{@link udpchat.secure.SessionKeys}, {@link udpchat.secure.SealedChannel}, {@link
 *       udpchat.secure.RekeyPolicy}: the transport, with the counter in each datagram, a replay
 *       window, and when to handshake again.
 *   <li>{@link udpchat.secure.StaticKeyFile}, {@link udpchat.secure.Fingerprint}, {@link
 *       udpchat.secure.KnownServers}: the server's identity and the client's memory of it.
 * </ul>
 *
 * <p>How the wire protocol is meant to use it (the next step, not done here): the client, holding a
 * cookie, builds {@code HandshakeState.initiator(NX or NXpsk2)} with the prologue {@code "udpchat"
 * || version || cookie}, sends {@code writeMessage(join)}; the server, having checked the cookie,
 * builds the responder with its {@code StaticKeyFile} key and the same prologue, reads it and
 * answers {@code writeMessage(welcome)}. The client reads that, checks {@code
 * Fingerprint.of(remoteStatic())} with {@code KnownServers} or the pinned fingerprint, and only
 * then makes a {@code SealedChannel} of {@code sessionKeys()}; so does the server. From then on,
 * every datagram both ways is {@code seal}ed and {@code open}ed, and a datagram that does not open
 * is dropped and counted by its {@link udpchat.secure.RefusedDatagram.Reason}.
 */
package udpchat.secure;
