/**
 * The Noise Protocol Framework (revision 34) for {@code 25519_ChaChaPoly_SHA256}, on the JDK alone,
 * checked against published test vectors.
 *
 * <ul>
 *   <li>{@link udpchat.secure.noise.X25519} and {@link udpchat.secure.noise.KeyPair}: the DH
 *       function and its keys; {@code Sha256}: HASH, HMAC and HKDF; {@link
 *       udpchat.secure.noise.CipherState}: ChaCha20-Poly1305 under a key and a nonce.
 *   <li>{@code SymmetricState}, {@link udpchat.secure.noise.HandshakeState} and {@link
 *       udpchat.secure.noise.HandshakePattern}: the handshake, NX, NXpsk2 and NK.
 *   <li>{@link udpchat.secure.noise.SessionKeys}: what a completed handshake leaves (the two cipher
 *       states, the handshake hash, the peer's static key), for {@link
 *       udpchat.secure.transport.SealedChannel}.
 *   <li>{@link udpchat.secure.noise.NoiseException}: every failure of a handshake message.
 * </ul>
 *
 * {@code Sha256} and {@code SymmetricState} are package-private: nothing outside the handshake
 * needs them.
 */
package udpchat.secure.noise;
