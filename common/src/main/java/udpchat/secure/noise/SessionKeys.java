package udpchat.secure.noise;

/**
 * What a completed handshake leaves: the CipherState this end sends with, the one it receives with
 * (Split()'s pair, ordered for this end), the final handshake hash, and the peer's static key if it
 * has one.
 *
 * <p>The handshake hash names the session: both ends hold the same, and nobody else can, so it can
 * bind a login or a signature to this session (channel binding, Noise §11.2).
 */
public record SessionKeys(
    CipherState sender, CipherState receiver, byte[] handshakeHash, byte[] remoteStatic) {

  public SessionKeys {
    handshakeHash = handshakeHash.clone();
    remoteStatic = remoteStatic == null ? null : remoteStatic.clone();
  }

  @Override
  public byte[] handshakeHash() {
    return handshakeHash.clone();
  }

  @Override
  public byte[] remoteStatic() {
    return remoteStatic == null ? null : remoteStatic.clone();
  }
}
