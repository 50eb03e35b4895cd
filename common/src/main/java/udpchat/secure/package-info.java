/**
 * The cryptographic core of issue 18: a Noise handshake (revision 34) after the join cookie, then
 * every datagram sealed with the session's keys. The classes are in three subpackages, bottom up:
 *
 * <ul>
 *   <li>{@link udpchat.secure.noise}: the Noise Protocol Framework itself for {@code
 *       25519_ChaChaPoly_SHA256} on the JDK alone: the DH, hash and cipher functions, the handshake
 *       patterns NX (open rooms), NXpsk2 (private rooms, the room key as the pre-shared key) and NK
 *       (a client that already knows the server's key), and the {@code SessionKeys} a completed
 *       handshake leaves.
 *   <li>{@link udpchat.secure.transport}: what happens to every datagram after the handshake: the
 *       {@code SealedChannel} with the counter in each datagram, its replay window, the reasons a
 *       datagram is refused, and the {@code RekeyPolicy} that says when to handshake again.
 *   <li>{@link udpchat.secure.identity}: the server's long-lived key on disk ({@code
 *       StaticKeyFile}), its {@code Fingerprint} for people to compare, and the client's memory of
 *       servers it has met ({@code KnownServers}); files that others could read or change are
 *       refused.
 * </ul>
 *
 * <p>{@code transport} and {@code identity} use {@code noise}; {@code noise} uses neither. {@link
 * udpchat.secure.link} puts them on the wire: the datagrams of protocol 3 (hello, retry, accept,
 * sealed), the client's {@code Initiator} and the server's {@code Responder}; the server's table of
 * sessions is {@code udpchat.server.link.Links}.
 *
 * <p>How the wire protocol uses it (docs/PROTOCOL.md §15): the client sends a padded hello, gets
 * the address's cookie in a retry, and sends the hello again with it; the server, having checked
 * the cookie, answers with an accept (NX or NXpsk2, prologue {@code "udpchat" || version ||
 * cookie}, empty payloads). The client checks the server's static key, and only then seals the
 * room's JSON under the session; every datagram both ways is then sealed and opened, and one that
 * does not open is dropped and counted by its {@link
 * udpchat.secure.transport.RefusedDatagram.Reason}.
 */
package udpchat.secure;
