package udpchat.crypto;

import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The private room's seal: AES-256-GCM under the {@link RoomKey}, a fresh nonce per datagram from a
 * {@link NonceSequence}, and the flow byte authenticated as associated data.
 *
 * <pre>
 *   offset  bytes  field
 *        0      1  flow: 0xF5 to the server, 0xF6 to a client, 0xF7/0xF8 discovery (associated data)
 *        1     12  nonce
 *       13      n  ciphertext: the datagram as the codec wrote it, encrypted (n = its length)
 *   13 + n     16  authentication tag
 * </pre>
 *
 * A datagram opened with its source address is checked against a {@link ReplayGuard} after its tag:
 * only genuine datagrams are remembered, and a copy of one is refused.
 *
 * <p>Each thread that seals or opens has a {@link Cipher} of its own, made once and initialised per
 * datagram (a GCM cipher must be given each nonce anyway); a {@code Cipher} is not thread-safe.
 */
final class AesGcmSeal implements DatagramSeal {

  static final int TAG_BYTES = 16;
  static final int HEADER_BYTES = 1 + NonceSequence.NONCE_BYTES;

  /** The bytes a sealed datagram has beyond its contents: flow, nonce and tag. */
  public static final int OVERHEAD = HEADER_BYTES + TAG_BYTES;

  /**
   * Senders whose replay windows are kept: a room's members (1000 by default) with room for rejoins
   * and restarts; about 300 bytes each.
   */
  static final int SENDERS = 16_384;

  private static final String TRANSFORMATION = "AES/GCM/NoPadding";

  // The refusals, made once (a SealException has no stack trace, and is not changed by throwing),
  // so that a flood of datagrams that do not open allocates nothing: one for each length too
  // short, one for each first byte, one for a tag that does not match, one for a copy.
  private static final SealException[] TOO_SHORT = new SealException[OVERHEAD];
  private static final SealException[] WRONG_WAY = new SealException[256];
  private static final SealException BAD_TAG =
      new SealException("does not open under the room key (altered, or another key)");
  private static final SealException REPLAYED =
      SealException.replay("a copy of a datagram already received (its nonce was seen before)");

  static {
    for (int length = 0; length < OVERHEAD; length++) {
      TOO_SHORT[length] = new SealException("too short to be sealed: " + length + " bytes");
    }
    for (int first = 0; first < 256; first++) {
      WRONG_WAY[first] =
          new SealException(String.format("not sealed for this way (first byte 0x%02X)", first));
    }
  }

  private final RoomKey key;
  private final NonceSequence nonces;
  private final ReplayGuard replays = new ReplayGuard(SENDERS);
  private final ThreadLocal<Cipher> ciphers =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Cipher.getInstance(TRANSFORMATION);
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException(TRANSFORMATION + " is not available", e);
            }
          });
  private final ThreadLocal<byte[]> scratch = ThreadLocal.withInitial(() -> new byte[0]);

  AesGcmSeal(RoomKey key) {
    this(key, new NonceSequence());
  }

  AesGcmSeal(RoomKey key, NonceSequence nonces) {
    this.key = key;
    this.nonces = nonces;
  }

  @Override
  public boolean sealed() {
    return true;
  }

  @Override
  public int overheadBytes() {
    return OVERHEAD;
  }

  @Override
  public ByteBuffer seal(Flow flow, byte[] contents, int length) {
    byte[] datagram = new byte[OVERHEAD + length];
    ByteBuffer header = ByteBuffer.wrap(datagram);
    header.put(flow.header());
    nonces.next(header);
    Cipher cipher = ciphers.get();
    try {
      cipher.init(
          Cipher.ENCRYPT_MODE,
          key.secretKey(),
          new GCMParameterSpec(TAG_BYTES * 8, datagram, 1, NonceSequence.NONCE_BYTES));
      cipher.updateAAD(datagram, 0, 1);
      int written = cipher.doFinal(contents, 0, length, datagram, HEADER_BYTES);
      assert written == length + TAG_BYTES;
    } catch (GeneralSecurityException e) {
      // A key and nonce of the right sizes, and room for the output: cannot happen.
      throw new IllegalStateException("sealing failed", e);
    }
    return ByteBuffer.wrap(datagram);
  }

  @Override
  public ByteBuffer open(Flow flow, ByteBuffer datagram) throws SealException {
    int length = datagram.remaining();
    if (length < OVERHEAD) {
      throw TOO_SHORT[length];
    }
    byte[] bytes = datagram.array();
    int start = datagram.arrayOffset() + datagram.position();
    if (bytes[start] != flow.header()) {
      throw WRONG_WAY[bytes[start] & 0xFF];
    }
    // Into this thread's scratch first, and copied out only once the tag matched: a forgery
    // costs no array of its size.
    int contentBytes = length - OVERHEAD;
    byte[] opened = scratch(contentBytes);
    Cipher cipher = ciphers.get();
    try {
      cipher.init(
          Cipher.DECRYPT_MODE,
          key.secretKey(),
          new GCMParameterSpec(TAG_BYTES * 8, bytes, start + 1, NonceSequence.NONCE_BYTES));
      cipher.updateAAD(bytes, start, 1);
      cipher.doFinal(bytes, start + HEADER_BYTES, length - HEADER_BYTES, opened, 0);
    } catch (AEADBadTagException e) {
      throw BAD_TAG;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("opening failed", e);
    }
    return ByteBuffer.wrap(Arrays.copyOf(opened, contentBytes));
  }

  /** This thread's buffer to open into, of at least {@code bytes}. */
  private byte[] scratch(int bytes) {
    byte[] buffer = scratch.get();
    if (buffer.length < bytes) {
      buffer = new byte[bytes];
      scratch.set(buffer);
    }
    return buffer;
  }

  @Override
  public ByteBuffer open(Flow flow, ByteBuffer datagram, SocketAddress from) throws SealException {
    ByteBuffer contents = open(flow, datagram); // the tag first: only genuine nonces are kept
    ByteBuffer nonce = datagram.duplicate();
    nonce.position(nonce.position() + 1);
    int prefix = nonce.getInt();
    long counter = nonce.getLong();
    if (!replays.fresh(from, prefix, counter)) {
      throw REPLAYED;
    }
    return contents;
  }
}
