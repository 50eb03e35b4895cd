package udpchat.secure.transport;

import java.util.Arrays;
import udpchat.secure.noise.CipherState;
import udpchat.secure.noise.NoiseException;
import udpchat.secure.noise.SessionKeys;
import udpchat.secure.transport.RefusedDatagram.Reason;

/**
 * One session's transport after the handshake: seals each datagram payload with the sending {@link
 * CipherState} under an explicit counter, and opens the peer's, refusing copies and forgeries.
 *
 * <p>UDP loses and reorders datagrams, so the receiver cannot count them as Noise's implicit nonce
 * would: as in WireGuard (and Noise §11.4), each datagram carries its counter, which is the
 * ChaChaPoly nonce, and the receiver checks it against a {@link ReplayWindow} of {@value
 * ReplayWindow#SIZE} counters.
 *
 * <pre>
 *   offset  bytes  field
 *        0      8  counter: the sender's message number, 0, 1, 2, ... (below 2^63), 64-bit
 *                  little-endian (as in the nonce and in WireGuard); it is the nonce, so the
 *                  tag authenticates it without its being associated data
 *        8      n  ciphertext: the payload encrypted (n = its length)
 *    8 + n     16  Poly1305 tag over the ciphertext and the associated data
 * </pre>
 *
 * The associated data is what the caller's datagram header puts before these bytes (a type byte, a
 * session id): it is authenticated, not sent by this class. A datagram is {@value #OVERHEAD} bytes
 * longer than its payload.
 *
 * <p>{@link #open} checks the counter, then the tag, and only then remembers the counter, so a
 * forgery changes nothing. The sending half ({@link #seal}) and the receiving half ({@link #open})
 * share no state: one thread may seal while another opens, but each half has one owner; {@link
 * #rekeyDue} and {@link #expired} may be asked from either.
 */
public final class SealedChannel {

  public static final int COUNTER_BYTES = 8;

  /** The bytes a sealed datagram has beyond its payload: counter and tag. */
  public static final int OVERHEAD = COUNTER_BYTES + CipherState.TAG_BYTES;

  private final CipherState sender;
  private final CipherState receiver;
  private final RekeyPolicy policy;
  private final long establishedNanos;
  private final ReplayWindow window = new ReplayWindow();
  // Volatile: the sending thread writes it, and whichever thread asks rekeyDue() reads it.
  private volatile long nextCounter;

  /** A channel over {@code keys}, established at {@code establishedNanos} (monotonic). */
  public SealedChannel(SessionKeys keys, RekeyPolicy policy, long establishedNanos) {
    this.sender = keys.sender();
    this.receiver = keys.receiver();
    this.policy = policy;
    this.establishedNanos = establishedNanos;
  }

  /**
   * The datagram bytes of {@code payload}: counter, ciphertext and tag. Refuses once the policy's
   * reject limit of messages is reached, since the keys must then be replaced.
   */
  public byte[] seal(byte[] associatedData, byte[] payload) throws NoiseException {
    long counter = nextCounter;
    if (counter >= policy.rejectAfterMessages()) {
      throw new IllegalStateException("these keys sealed their last message: handshake again");
    }
    nextCounter = counter + 1; // one sending thread, so no lost update
    byte[] sealed = sender.encrypt(counter, associatedData, payload);
    byte[] datagram = new byte[COUNTER_BYTES + sealed.length];
    writeCounter(datagram, counter);
    System.arraycopy(sealed, 0, datagram, COUNTER_BYTES, sealed.length);
    return datagram;
  }

  /**
   * The same into {@code out} at {@code at}: counter, ciphertext and tag of {@code length} bytes of
   * {@code payload}, {@code length + OVERHEAD} bytes; nothing is allocated for them.
   */
  public int seal(byte[] associatedData, byte[] payload, int length, byte[] out, int at)
      throws NoiseException {
    long counter = nextCounter;
    if (counter >= policy.rejectAfterMessages()) {
      throw new IllegalStateException("these keys sealed their last message: handshake again");
    }
    nextCounter = counter + 1; // one sending thread, so no lost update
    writeCounter(out, at, counter);
    return COUNTER_BYTES
        + sender.encrypt(counter, associatedData, payload, 0, length, out, at + COUNTER_BYTES);
  }

  /** The payload of the peer's {@code datagram}, or a {@link RefusedDatagram} saying why not. */
  public byte[] open(byte[] associatedData, byte[] datagram) throws RefusedDatagram {
    if (datagram.length < OVERHEAD) {
      throw new RefusedDatagram(Reason.TOO_SHORT, "a sealed datagram has at least 24 bytes");
    }
    long counter = readCounter(datagram);
    switch (window.check(counter)) {
      case REPLAYED -> throw new RefusedDatagram(Reason.REPLAYED, "counter " + counter + " again");
      case TOO_OLD ->
          throw new RefusedDatagram(
              Reason.TOO_OLD,
              "counter " + Long.toUnsignedString(counter) + " is outside the window");
      case FRESH -> {}
    }
    byte[] payload;
    try {
      payload =
          receiver.decrypt(
              counter,
              associatedData,
              Arrays.copyOfRange(datagram, COUNTER_BYTES, datagram.length));
    } catch (NoiseException e) {
      throw new RefusedDatagram(Reason.BAD_SEAL, e.getMessage());
    }
    window.accept(counter); // only now: the tag proved the counter is the peer's
    return payload;
  }

  /**
   * The counters this session has used: the larger of the sent and the received, so whichever end
   * reaches the policy's limit first sees it (the server sends more than a client).
   */
  public long messages() {
    return Math.max(nextCounter, window.highest() + 1);
  }

  /** Whether a new handshake should start at {@code nowNanos}. */
  public boolean rekeyDue(long nowNanos) {
    return policy.rekeyDue(messages(), establishedNanos, nowNanos);
  }

  /** Whether these keys must no longer be used at {@code nowNanos}: the owner drops the session. */
  public boolean expired(long nowNanos) {
    return policy.expired(messages(), establishedNanos, nowNanos);
  }

  private static void writeCounter(byte[] datagram, long counter) {
    writeCounter(datagram, 0, counter);
  }

  private static void writeCounter(byte[] datagram, int at, long counter) {
    for (int i = 0; i < COUNTER_BYTES; i++) {
      datagram[at + i] = (byte) (counter >>> (8 * i));
    }
  }

  private static long readCounter(byte[] datagram) {
    long counter = 0;
    for (int i = 0; i < COUNTER_BYTES; i++) {
      counter |= (datagram[i] & 0xffL) << (8 * i);
    }
    return counter;
  }
}
