/**
 * Who the server is, and what a client remembers of it.
 *
 * <ul>
 *   <li>{@link udpchat.secure.identity.StaticKeyFile}: the server's long-lived X25519 key on disk,
 *       made once, whole;
 *   <li>{@link udpchat.secure.identity.Fingerprint}: SHA-256 of that key in base32, for people to
 *       compare and pin;
 *   <li>{@link udpchat.secure.identity.KnownServers}: the client's known_servers file, trust on
 *       first use, and what changed;
 *   <li>{@code OwnerOnly} (package-private): the files' two habits, refuse one that others could
 *       read or change, and replace one whole.
 * </ul>
 */
package udpchat.secure.identity;
