package udpchat.secure.link;

import java.util.Arrays;
import java.util.function.Supplier;
import udpchat.secure.noise.HandshakePattern;
import udpchat.secure.noise.HandshakeState;
import udpchat.secure.noise.KeyPair;
import udpchat.secure.noise.NoiseException;
import udpchat.secure.noise.X25519;
import udpchat.secure.transport.RefusedDatagram;
import udpchat.secure.transport.RefusedDatagram.Reason;
import udpchat.secure.transport.RekeyPolicy;

/**
 * The server's end of a handshake: answers a hello whose cookie the caller has checked with an
 * accept, and leaves the session's keys. Noise NX in an open room; in a private room NXpsk2 with a
 * key derived from the room key as the pre-shared key, so only a client that holds the room key can
 * open the accept or seal anything under the session.
 *
 * <p>Stateless between hellos: NX's responder completes with its one message, so nothing is kept
 * for a hello whose client never sends again. Thread-safe (it holds only keys).
 */
public final class Responder {

  private final KeyPair serverStatic;
  private final byte[] psk;
  private final Supplier<KeyPair> ephemerals;
  private final RekeyPolicy policy;

  /** The accept to send, and the session it leaves. */
  public record Accepted(byte[] datagram, SealedSession session) {}

  /**
   * @param serverStatic the server's long-lived key ({@code StaticKeyFile})
   * @param psk the private room's pre-shared key ({@code RoomKey.handshakeKey()}), or null
   */
  public Responder(KeyPair serverStatic, byte[] psk, RekeyPolicy policy) {
    this(serverStatic, psk, policy, X25519::generate);
  }

  /** With given ephemeral keys (test vectors). */
  public Responder(
      KeyPair serverStatic, byte[] psk, RekeyPolicy policy, Supplier<KeyPair> ephemerals) {
    this.serverStatic = serverStatic;
    this.psk = psk == null ? null : psk.clone();
    this.policy = policy;
    this.ephemerals = ephemerals;
  }

  /** The server's public key, which clients pin. */
  public byte[] publicKey() {
    return serverStatic.publicKey();
  }

  /**
   * The cookie a hello carries, or null when {@code length} bytes at {@code offset} are not a hello
   * of this version (a hello's length is exact, so no Noise work is spent on anything else).
   */
  public static byte[] cookieOf(byte[] datagram, int offset, int length) {
    if (length != LinkFormat.HELLO_BYTES
        || datagram[offset] != LinkFormat.HELLO
        || datagram[offset + 1] != LinkFormat.VERSION) {
      return null;
    }
    return Arrays.copyOfRange(datagram, offset + 2, offset + 2 + LinkFormat.COOKIE_BYTES);
  }

  /**
   * Answers the hello of {@code length} bytes at {@code offset}, whose cookie the caller checked
   * ({@link #cookieOf}); established at {@code nowNanos} (monotonic).
   */
  public Accepted accept(byte[] hello, int offset, int length, long nowNanos)
      throws RefusedDatagram {
    byte[] cookie = cookieOf(hello, offset, length);
    if (cookie == null) {
      throw new RefusedDatagram(Reason.BAD_HANDSHAKE, "not a hello of version 3");
    }
    HandshakeState handshake =
        (psk == null
                ? HandshakeState.responder(HandshakePattern.NX)
                : HandshakeState.responder(HandshakePattern.NXpsk2).psk(psk))
            .prologue(LinkFormat.prologue(cookie))
            .localStatic(serverStatic)
            .ephemerals(ephemerals)
            .build();
    try {
      int at = offset + LinkFormat.HELLO_MESSAGE_AT;
      int messageBytes =
          psk == null ? LinkFormat.HELLO_MESSAGE_BYTES : LinkFormat.HELLO_MESSAGE_BYTES_PSK;
      handshake.readMessage(Arrays.copyOfRange(hello, at, at + messageBytes));
      byte[] message = handshake.writeMessage(new byte[0]);
      byte[] accept = new byte[1 + message.length];
      accept[0] = LinkFormat.ACCEPT;
      System.arraycopy(message, 0, accept, 1, message.length);
      return new Accepted(accept, new SealedSession(handshake.sessionKeys(), policy, nowNanos));
    } catch (NoiseException e) {
      // An ephemeral key that is not a point X25519 takes (an all-zero result): a forged hello.
      throw new RefusedDatagram(Reason.BAD_HANDSHAKE, e.getMessage());
    }
  }
}
