package udpchat.secure.noise;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Noise's SymmetricState (specification §5.2): the chaining key {@code ck}, the handshake hash
 * {@code h} and the {@link CipherState} that encrypts handshake payloads and static keys.
 *
 * <p>Every byte of the handshake goes through {@link #mixHash}, so both ends hold the same {@code
 * h} only if they saw the same prologue, pattern and messages; every DH result and pre-shared key
 * goes through {@link #mixKey} or {@link #mixKeyAndHash}.
 */
final class SymmetricState {

  private final CipherState cipher = new CipherState();
  private byte[] chainingKey;
  private byte[] hash;

  /** InitializeSymmetric(protocol_name). */
  SymmetricState(String protocolName) {
    byte[] name = protocolName.getBytes(StandardCharsets.US_ASCII);
    hash =
        name.length <= Sha256.HASH_BYTES
            ? Arrays.copyOf(name, Sha256.HASH_BYTES) // padded with zeros
            : Sha256.hash(name);
    chainingKey = hash.clone();
  }

  /** MixKey(input_key_material): a DH result into the chaining key and a new handshake key. */
  void mixKey(byte[] inputKeyMaterial) {
    byte[][] out = Sha256.hkdf(chainingKey, inputKeyMaterial, 2);
    chainingKey = out[0];
    cipher.initializeKey(out[1]); // HASHLEN is 32, so no truncation to the key's 32 bytes
  }

  /** MixHash(data). */
  void mixHash(byte[] data) {
    hash = Sha256.hash(hash, data);
  }

  /** MixKeyAndHash(input_key_material): how a pre-shared key enters (§9). */
  void mixKeyAndHash(byte[] inputKeyMaterial) {
    byte[][] out = Sha256.hkdf(chainingKey, inputKeyMaterial, 3);
    chainingKey = out[0];
    mixHash(out[1]);
    cipher.initializeKey(out[2]);
  }

  /** GetHandshakeHash(): a copy of {@code h}, which names the session (channel binding). */
  byte[] handshakeHash() {
    return hash.clone();
  }

  boolean hasKey() {
    return cipher.hasKey();
  }

  /** EncryptAndHash(plaintext): encrypted if a key is set, and the ciphertext hashed. */
  byte[] encryptAndHash(byte[] plaintext) throws NoiseException {
    byte[] ciphertext = cipher.encryptWithAd(hash, plaintext);
    mixHash(ciphertext);
    return ciphertext;
  }

  /** DecryptAndHash(ciphertext): refuses a ciphertext that does not open under {@code h}. */
  byte[] decryptAndHash(byte[] ciphertext) throws NoiseException {
    byte[] plaintext = cipher.decryptWithAd(hash, ciphertext);
    mixHash(ciphertext);
    return plaintext;
  }

  /** Forgets the chaining key after Split(), from which every key of the session came. */
  void eraseChainingKey() {
    Arrays.fill(chainingKey, (byte) 0);
  }

  /** Split(): the initiator's sending and the responder's sending CipherStates, in that order. */
  CipherState[] split() {
    byte[][] out = Sha256.hkdf(chainingKey, new byte[0], 2);
    return new CipherState[] {new CipherState(out[0]), new CipherState(out[1])};
  }
}
