package udpchat.secure.noise;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Noise's CipherState (specification §5.1) with ChaChaPoly: a 32-byte key {@code k} (or none) and
 * the 64-bit nonce {@code n} of the next message.
 *
 * <p>The handshake uses the implicit nonce ({@link #encryptWithAd}, {@link #decryptWithAd}). A
 * datagram transport cannot, since UDP loses and reorders: {@link #encrypt(long, byte[], byte[])}
 * and {@link #decrypt(long, byte[], byte[])} take the nonce the datagram carries, and the caller
 * keeps the counter and the replay window ({@link udpchat.secure.transport.SealedChannel}).
 *
 * <p>The nonce is ChaChaPoly's 96 bits: 32 zero bits, then {@code n} little-endian. The nonce
 * 2<sup>64</sup>-1 is reserved for {@link #rekey()}. Not thread-safe: one owner uses it.
 *
 * <p>A state holds its key, not a JDK {@link Cipher}: a cipher object weighs kilobytes, and with
 * two per session (and the previous session's while a rekey completes) ten thousand members cost
 * the server about 5 KB each. Each thread has one cipher, used by every state on it and confined to
 * it.
 */
public final class CipherState {

  /** The bytes the Poly1305 tag adds to every ciphertext. */
  public static final int TAG_BYTES = 16;

  /** The nonce no message may use: {@link #rekey()} encrypts with it (2^64-1). */
  static final long REKEY_NONCE = -1L;

  private static final String TRANSFORMATION = "ChaCha20-Poly1305";

  private static final ThreadLocal<ThreadCipher> CIPHERS =
      ThreadLocal.withInitial(ThreadCipher::new);

  private byte[] key;
  private long nonce;
  // The nonce this key last encrypted under (REKEY_NONCE, which no message uses: none yet).
  private long lastEncrypted = REKEY_NONCE;

  /** InitializeKey(empty): a state without a key, which passes plaintext through. */
  CipherState() {}

  /** A state keyed with {@code key}, nonce 0. */
  CipherState(byte[] key) {
    this();
    initializeKey(key);
  }

  /** InitializeKey(key): sets the key and the nonce to 0. */
  void initializeKey(byte[] key) {
    if (key != null && key.length != 32) {
      throw new IllegalArgumentException("a ChaChaPoly key has 32 bytes, not " + key.length);
    }
    this.key = key == null ? null : key.clone();
    this.nonce = 0;
    this.lastEncrypted = REKEY_NONCE;
  }

  /** HasKey(). */
  public boolean hasKey() {
    return key != null;
  }

  /** SetNonce(nonce): for a transport that sends the nonce, and for tests. */
  public void setNonce(long nonce) {
    this.nonce = nonce;
  }

  /** The nonce the next {@link #encryptWithAd} or {@link #decryptWithAd} will use. */
  public long nonce() {
    return nonce;
  }

  /**
   * EncryptWithAd(ad, plaintext): the ciphertext and tag under the current nonce, which then counts
   * up; without a key, the plaintext itself.
   */
  public byte[] encryptWithAd(byte[] ad, byte[] plaintext) throws NoiseException {
    if (!hasKey()) {
      return plaintext.clone();
    }
    byte[] out = encrypt(nonce, ad, plaintext);
    nonce++;
    return out;
  }

  /**
   * DecryptWithAd(ad, ciphertext): the plaintext; the nonce counts up only if the tag is right, so
   * a forged message changes nothing.
   */
  public byte[] decryptWithAd(byte[] ad, byte[] ciphertext) throws NoiseException {
    if (!hasKey()) {
      return ciphertext.clone();
    }
    byte[] out = decrypt(nonce, ad, ciphertext);
    nonce++;
    return out;
  }

  /** ENCRYPT(k, n, ad, plaintext) with an explicit nonce; the state's own nonce is left alone. */
  public byte[] encrypt(long n, byte[] ad, byte[] plaintext) throws NoiseException {
    requireKey();
    if (n == REKEY_NONCE) {
      throw new NoiseException("nonce 2^64-1 is reserved: the session needs a new key");
    }
    usedForEncryption(n);
    return crypt(Cipher.ENCRYPT_MODE, key, n, ad, plaintext);
  }

  /**
   * ENCRYPT(k, n, ad, plaintext) into {@code out} at {@code outOffset}: the ciphertext and tag of
   * {@code length} bytes of {@code input} from {@code offset}, {@code length + TAG_BYTES} bytes,
   * with nothing allocated for them (a sender that reuses one buffer for every datagram).
   */
  public int encrypt(
      long n, byte[] ad, byte[] input, int offset, int length, byte[] out, int outOffset)
      throws NoiseException {
    requireKey();
    if (n == REKEY_NONCE) {
      throw new NoiseException("nonce 2^64-1 is reserved: the session needs a new key");
    }
    usedForEncryption(n);
    return CIPHERS.get().encryptInto(key, n, ad, input, offset, length, out, outOffset);
  }

  /** DECRYPT(k, n, ad, ciphertext) with an explicit nonce; refuses a wrong tag. */
  public byte[] decrypt(long n, byte[] ad, byte[] ciphertext) throws NoiseException {
    requireKey();
    if (n == REKEY_NONCE) {
      throw new NoiseException("nonce 2^64-1 is reserved");
    }
    if (ciphertext.length < TAG_BYTES) {
      throw new NoiseException("a ciphertext has at least " + TAG_BYTES + " bytes (its tag)");
    }
    return crypt(Cipher.DECRYPT_MODE, key, n, ad, ciphertext);
  }

  /**
   * Rekey(): the key becomes the first 32 bytes of ENCRYPT(k, 2^64-1, empty, 32 zeros); the nonce
   * is left as it is (§11.3). Both ends must rekey at the same message, so the caller agrees on
   * when.
   */
  public void rekey() throws NoiseException {
    requireKey();
    byte[] out = crypt(Cipher.ENCRYPT_MODE, key, REKEY_NONCE, new byte[0], new byte[32]);
    key = java.util.Arrays.copyOf(out, 32);
  }

  /** Refuses what the JDK refuses of one cipher: encrypting twice in a row under one nonce. */
  private void usedForEncryption(long n) throws NoiseException {
    if (n == lastEncrypted) {
      throw new NoiseException("nonce " + n + " again under this key: a nonce is never reused");
    }
    lastEncrypted = n;
  }

  private void requireKey() {
    if (!hasKey()) {
      throw new IllegalStateException("this CipherState has no key yet");
    }
  }

  private static byte[] crypt(int mode, byte[] k, long n, byte[] ad, byte[] input)
      throws NoiseException {
    return CIPHERS.get().crypt(mode, k, n, ad, input);
  }

  /** This thread's cipher, and what it was last initialised with. */
  private static final class ThreadCipher {

    private Cipher cipher = newCipher();
    // A copy, as the JDK keeps one: a caller may erase or reuse its key array afterwards.
    private final byte[] lastKey = new byte[32];
    private long lastNonce;

    byte[] crypt(int mode, byte[] k, long n, byte[] ad, byte[] input) throws NoiseException {
      init(mode, k, n, ad);
      try {
        return cipher.doFinal(input);
      } catch (AEADBadTagException e) {
        throw new NoiseException("the message does not open: wrong key, or altered", e);
      } catch (GeneralSecurityException e) {
        throw new NoiseException("ChaCha20-Poly1305 failed: " + e.getMessage(), e);
      }
    }

    int encryptInto(
        byte[] k, long n, byte[] ad, byte[] input, int offset, int length, byte[] out, int at)
        throws NoiseException {
      init(Cipher.ENCRYPT_MODE, k, n, ad);
      try {
        return cipher.doFinal(input, offset, length, out, at);
      } catch (GeneralSecurityException e) {
        throw new NoiseException("ChaCha20-Poly1305 failed: " + e.getMessage(), e);
      }
    }

    private void init(int mode, byte[] k, long n, byte[] ad) throws NoiseException {
      if (n == lastNonce && java.util.Arrays.equals(k, lastKey)) {
        // The JDK refuses to initialise a cipher twice in a row with one key and nonce. That
        // happens here without reuse of a nonce: a receiver opens the genuine datagram after a
        // forgery with its counter was refused, both ends of a test share a thread, and a client
        // computes its hello's first message again, byte for byte, to read each accept. So it
        // takes a fresh cipher; the counters (SealedChannel, encryptWithAd) keep nonces unique.
        cipher = newCipher();
      }
      System.arraycopy(k, 0, lastKey, 0, lastKey.length);
      lastNonce = n;
      try {
        cipher.init(mode, new SecretKeySpec(k, "ChaCha20"), new IvParameterSpec(nonceBytes(n)));
        cipher.updateAAD(ad);
      } catch (GeneralSecurityException e) {
        throw new NoiseException("ChaCha20-Poly1305 failed: " + e.getMessage(), e);
      }
    }
  }

  private static Cipher newCipher() {
    try {
      return Cipher.getInstance(TRANSFORMATION);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(TRANSFORMATION + " is not available", e);
    }
  }

  /** 4 zero bytes, then the 64-bit counter little-endian (Noise §12.3). */
  static byte[] nonceBytes(long n) {
    byte[] iv = new byte[12];
    for (int i = 0; i < 8; i++) {
      iv[4 + i] = (byte) (n >>> (8 * i));
    }
    return iv;
  }
}
