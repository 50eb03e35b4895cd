package udpchat.secure.noise;

import java.util.Arrays;

/**
 * An X25519 key pair as raw bytes: the 32-byte private scalar and the 32-byte public u-coordinate.
 *
 * <p>Not {@code java.security.KeyPair}: Noise hashes and sends the raw bytes, so they are what the
 * handshake keeps. The accessors hand out copies, so no caller can change a key in place.
 */
public final class KeyPair {

  private final byte[] privateKey;
  private final byte[] publicKey;

  KeyPair(byte[] privateKey, byte[] publicKey) {
    this.privateKey = privateKey.clone();
    this.publicKey = publicKey.clone();
  }

  /** The private key (a copy). */
  public byte[] privateKey() {
    return privateKey.clone();
  }

  /** The public key (a copy). */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The shared secret of this private key with {@code remotePublic}. */
  byte[] dh(byte[] remotePublic) throws NoiseException {
    return X25519.dh(privateKey, remotePublic);
  }

  /**
   * Overwrites the private key with zeros: the handshake does so to its ephemeral key once the
   * session keys are made, so a later look at memory does not find it (forward secrecy).
   */
  void erase() {
    Arrays.fill(privateKey, (byte) 0);
  }

  /** Shows the public key only, so no log ever holds the private one. */
  @Override
  public String toString() {
    return "KeyPair[public=" + java.util.HexFormat.of().formatHex(publicKey) + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KeyPair other
        && Arrays.equals(privateKey, other.privateKey)
        && Arrays.equals(publicKey, other.publicKey);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(publicKey);
  }
}
