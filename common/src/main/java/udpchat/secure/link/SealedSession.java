package udpchat.secure.link;

import java.util.Arrays;
import udpchat.secure.noise.NoiseException;
import udpchat.secure.noise.SessionKeys;
import udpchat.secure.transport.RefusedDatagram;
import udpchat.secure.transport.RekeyPolicy;
import udpchat.secure.transport.SealedChannel;

/**
 * One completed handshake's keys as the wire uses them: a {@link SealedChannel} whose datagrams
 * start with the kind byte and the session's key id ({@link LinkFormat}), both authenticated as
 * associated data. The key id lets a receiver that holds two sessions with one peer (the old one
 * and the new one while a rekey completes) pick the right keys without trying both.
 *
 * <p>As the channel it wraps: the sending half ({@link #seal}) and the receiving half ({@link
 * #open}) share no state, so one thread may seal while another opens; each half has one owner.
 */
public final class SealedSession {

  private final int keyId;
  private final byte[] header;
  private final SealedChannel channel;

  SealedSession(SessionKeys keys, RekeyPolicy policy, long establishedNanos) {
    this.keyId = LinkFormat.keyId(keys.handshakeHash());
    this.header = new byte[LinkFormat.SEALED_HEADER_BYTES];
    header[0] = LinkFormat.SEALED;
    for (int i = 0; i < LinkFormat.KEY_ID_BYTES; i++) {
      header[1 + i] = (byte) (keyId >>> (24 - 8 * i));
    }
    this.channel = new SealedChannel(keys, policy, establishedNanos);
  }

  public int keyId() {
    return keyId;
  }

  /**
   * The sealed datagram of the first {@code length} bytes of {@code payload}.
   *
   * @throws IllegalStateException once the keys sealed their last message (a new handshake is
   *     overdue)
   */
  public byte[] seal(byte[] payload, int length) {
    byte[] datagram = new byte[LinkFormat.SEALED_OVERHEAD + length];
    seal(payload, length, datagram);
    return datagram;
  }

  /**
   * The same, written at the start of {@code out} (at least {@code length +
   * LinkFormat.SEALED_OVERHEAD} bytes) with nothing allocated for it: a sender that reuses one
   * buffer for every datagram. Returns the datagram's length.
   *
   * @throws IllegalStateException as {@link #seal(byte[], int)}
   */
  public int seal(byte[] payload, int length, byte[] out) {
    System.arraycopy(header, 0, out, 0, header.length);
    try {
      return header.length + channel.seal(header, payload, length, out, header.length);
    } catch (NoiseException e) {
      // Our own key with our own counter: only a broken JDK refuses it.
      throw new IllegalStateException("sealing failed", e);
    }
  }

  /**
   * The payload of the peer's sealed datagram, {@code length} bytes of {@code datagram} from {@code
   * offset}, whose key id is this session's.
   */
  public byte[] open(byte[] datagram, int offset, int length) throws RefusedDatagram {
    if (length < LinkFormat.SEALED_OVERHEAD) {
      throw RefusedDatagram.tooShort();
    }
    byte[] rest =
        Arrays.copyOfRange(datagram, offset + header.length, offset + length); // counter on
    return channel.open(header, rest);
  }

  /** Whether this end should start a new handshake at {@code nowNanos}. */
  public boolean rekeyDue(long nowNanos) {
    return channel.rekeyDue(nowNanos);
  }

  /** Whether these keys may no longer be used at {@code nowNanos}. */
  public boolean expired(long nowNanos) {
    return channel.expired(nowNanos);
  }
}
