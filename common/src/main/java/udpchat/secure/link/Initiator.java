package udpchat.secure.link;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.Supplier;
import udpchat.crypto.DatagramSeal;
import udpchat.crypto.Flow;
import udpchat.crypto.SealException;
import udpchat.secure.noise.HandshakePattern;
import udpchat.secure.noise.HandshakeState;
import udpchat.secure.noise.KeyPair;
import udpchat.secure.noise.NoiseException;
import udpchat.secure.noise.X25519;
import udpchat.secure.transport.RefusedDatagram;
import udpchat.secure.transport.RefusedDatagram.Reason;
import udpchat.secure.transport.RekeyPolicy;

/**
 * The client's end of the link: runs the handshake when there is something to send and no session
 * yet, seals every payload under the session, opens what the server sends, and hands over to a new
 * session before the old one's keys are due ({@link RekeyPolicy}).
 *
 * <p>Payloads sent before the first session exists wait (at most {@value #MAX_WAITING}, the oldest
 * dropped first: the protocol above sends again what matters) and go as soon as the accept is in.
 * While a rekey runs, the old session goes on sealing; the new one takes over when its accept
 * arrives, and the old one still opens what the server sealed under it until its keys expire.
 *
 * <p>Not thread-safe: one thread (the client's session thread) owns it, sends through it and hands
 * it every datagram that arrives. Time is an argument ({@code nowNanos}, monotonic).
 */
public final class Initiator {

  /** Where the link's datagrams go: the socket, connected to the server. */
  @FunctionalInterface
  public interface Out {
    void send(ByteBuffer datagram);
  }

  static final int MAX_WAITING = 64;

  /** A hello without an accept is sent again after this long. */
  static final long HELLO_AGAIN_NANOS = 1_000_000_000L;

  /**
   * The least time between two hellos that a retry can cause: a retry is not authenticated, so a
   * flood of forged ones makes the client send at most this often.
   */
  static final long RETRY_GAP_NANOS = 250_000_000L;

  /**
   * Hellos sent for a handshake that nothing waits for (one a retry started while a session works)
   * before the link gives up on it; the session's rekey or the next send starts another.
   */
  static final int MAX_UNASKED_HELLOS = 5;

  private final byte[] psk;
  private final ServerKeyCheck keyCheck;
  private final RekeyPolicy policy;
  private final Supplier<KeyPair> ephemerals;
  private final DatagramSeal roomSeal;
  private final Out out;
  private final ArrayDeque<byte[]> waiting = new ArrayDeque<>();

  private byte[] cookie = new byte[LinkFormat.COOKIE_BYTES]; // zeros: none yet
  private KeyPair ephemeral; // of the hello under way, or null
  private byte[] helloCookie; // the cookie that hello carried: its prologue
  private long helloSentNanos;
  private int hellos; // sent for the handshake under way
  private long quickAnswerNanos = Long.MIN_VALUE / 2;
  private SealedSession current;
  private SealedSession previous;
  private byte[] serverStatic;
  private long handshakes;

  /**
   * @param psk the private room's handshake key ({@code RoomKey.handshakeKey()}), or null
   * @param roomSeal the private room's seal around the handshake's datagrams, or {@code NONE}
   */
  public Initiator(
      byte[] psk, ServerKeyCheck keyCheck, RekeyPolicy policy, DatagramSeal roomSeal, Out out) {
    this(psk, keyCheck, policy, roomSeal, out, X25519::generate);
  }

  /** With given ephemeral keys (tests). */
  public Initiator(
      byte[] psk,
      ServerKeyCheck keyCheck,
      RekeyPolicy policy,
      DatagramSeal roomSeal,
      Out out,
      Supplier<KeyPair> ephemerals) {
    this.psk = psk == null ? null : psk.clone();
    this.keyCheck = keyCheck;
    this.policy = policy;
    this.roomSeal = roomSeal;
    this.out = out;
    this.ephemerals = ephemerals;
  }

  /** Whether a session is established (a payload sent now goes at once). */
  public boolean established() {
    return current != null;
  }

  /** The server's static key as its last accept showed it, or null before the first. */
  public byte[] serverStatic() {
    return serverStatic == null ? null : serverStatic.clone();
  }

  /** How many handshakes completed: the first, then one per rekey or server restart. */
  public long handshakes() {
    return handshakes;
  }

  /** Starts a handshake now unless there is a session or one under way: a link with no payload. */
  public void connect(long nowNanos) {
    expire(nowNanos);
    if (current == null && ephemeral == null) {
      hello(nowNanos);
    }
  }

  /** Seals and sends {@code payload}, or keeps it until the handshake under way completes. */
  public void send(byte[] payload, long nowNanos) {
    expire(nowNanos);
    if (current != null) {
      out.send(ByteBuffer.wrap(current.seal(payload, payload.length)));
      if (ephemeral == null && current.rekeyDue(nowNanos)) {
        hello(nowNanos);
      }
      return;
    }
    if (waiting.size() == MAX_WAITING) {
      waiting.removeFirst();
    }
    waiting.addLast(payload.clone());
    if (ephemeral == null || nowNanos - helloSentNanos >= HELLO_AGAIN_NANOS) {
      hello(nowNanos);
    }
  }

  /** The timers: a hello again when unanswered, a rekey when due, old keys dropped. */
  public void tick(long nowNanos) {
    expire(nowNanos);
    boolean wanted =
        current == null
            ? !waiting.isEmpty()
            : current.rekeyDue(nowNanos) || ephemeral != null && hellos < MAX_UNASKED_HELLOS;
    if (wanted && (ephemeral == null || nowNanos - helloSentNanos >= HELLO_AGAIN_NANOS)) {
      hello(nowNanos);
    }
  }

  /**
   * Takes a datagram from the server: the payload of a sealed one, or null for a datagram of the
   * handshake, which this link answered itself.
   *
   * @throws RefusedDatagram when it is not the server's: dropped, and counted by the caller
   */
  public byte[] receive(ByteBuffer datagram, long nowNanos) throws RefusedDatagram {
    expire(nowNanos);
    int length = datagram.remaining();
    if (length == 0) {
      throw new RefusedDatagram(Reason.NOT_SEALED, "an empty datagram");
    }
    byte[] bytes = new byte[length];
    datagram.get(bytes);
    if (bytes[0] == LinkFormat.SEALED) {
      return openSealed(bytes);
    }
    byte[] inner = roomSeal.sealed() ? openRoomSeal(bytes) : bytes;
    if (inner.length == LinkFormat.RETRY_BYTES && inner[0] == LinkFormat.RETRY) {
      retried(Arrays.copyOfRange(inner, 1, inner.length), nowNanos);
      return null;
    }
    if (inner.length == LinkFormat.ACCEPT_BYTES && inner[0] == LinkFormat.ACCEPT) {
      accepted(inner, nowNanos);
      return null;
    }
    throw new RefusedDatagram(Reason.NOT_SEALED, "not a datagram of protocol 3");
  }

  private byte[] openSealed(byte[] datagram) throws RefusedDatagram {
    if (datagram.length < LinkFormat.SEALED_OVERHEAD) {
      throw RefusedDatagram.tooShort();
    }
    int keyId = LinkFormat.keyIdOf(datagram, 0);
    if (current != null && current.keyId() == keyId) {
      return current.open(datagram, 0, datagram.length);
    }
    if (previous != null && previous.keyId() == keyId) {
      return previous.open(datagram, 0, datagram.length);
    }
    throw new RefusedDatagram(Reason.UNKNOWN_SESSION, "a key id this client holds no keys for");
  }

  private byte[] openRoomSeal(byte[] bytes) throws RefusedDatagram {
    try {
      ByteBuffer opened = roomSeal.open(Flow.TO_CLIENT, ByteBuffer.wrap(bytes));
      return Arrays.copyOfRange(opened.array(), opened.position(), opened.limit());
    } catch (SealException e) {
      throw new RefusedDatagram(Reason.BAD_SEAL, e.getMessage());
    }
  }

  /**
   * The server knows no session of ours (it restarted or forgot us) or wants a cookie first. Not
   * authenticated, so it changes nothing but the cookie: a new handshake starts, and a session that
   * works goes on working until that one completes.
   */
  private void retried(byte[] newCookie, long nowNanos) {
    boolean news = helloCookie == null || !Arrays.equals(newCookie, helloCookie);
    cookie = newCookie;
    // Answered at once, but never more often than the gap (a flood of forged retries makes a few
    // hellos a second): a new cookie (the usual first round trip), and a retry that no hello under
    // way answers, because the session in use is one the server forgot, whose datagrams it answers
    // with the cookie our last hello already carried, or because the hellos gave up. Anything else
    // waits for the timer's next hello.
    boolean unanswered = ephemeral == null || hellos >= MAX_UNASKED_HELLOS;
    if ((news || unanswered) && nowNanos - quickAnswerNanos >= RETRY_GAP_NANOS) {
      quickAnswerNanos = nowNanos;
      if (hellos >= MAX_UNASKED_HELLOS) {
        ephemeral = null; // a handshake of its own: its hellos counted from one
      }
      hello(nowNanos);
    }
  }

  private void accepted(byte[] accept, long nowNanos) throws RefusedDatagram {
    if (ephemeral == null) {
      throw new RefusedDatagram(Reason.BAD_HANDSHAKE, "an accept with no hello under way");
    }
    // A fresh state from the hello's own ephemeral key, so a forged accept that fails leaves the
    // hello under way as it was, for the real accept.
    HandshakeState handshake = initiator(ephemeral, helloCookie);
    try {
      handshake.writeMessage(new byte[0]);
      handshake.readMessage(Arrays.copyOfRange(accept, 1, accept.length));
    } catch (NoiseException e) {
      throw new RefusedDatagram(Reason.BAD_HANDSHAKE, "an accept that does not open");
    }
    byte[] key = handshake.remoteStatic();
    String refusal = keyCheck.refusal(key);
    if (refusal != null) {
      ephemeral = null; // this server will say the same again: no hello until asked to send
      throw new RefusedDatagram(Reason.SERVER_KEY_REFUSED, refusal);
    }
    serverStatic = key;
    previous = current;
    current = new SealedSession(handshake.sessionKeys(), policy, nowNanos);
    ephemeral = null;
    handshakes++;
    while (!waiting.isEmpty()) {
      byte[] payload = waiting.removeFirst();
      out.send(ByteBuffer.wrap(current.seal(payload, payload.length)));
    }
  }

  private void hello(long nowNanos) {
    hellos = ephemeral == null ? 1 : hellos + 1;
    ephemeral = ephemerals.get();
    byte[] message;
    try {
      message = initiator(ephemeral, cookie).writeMessage(new byte[0]);
    } catch (NoiseException e) {
      throw new IllegalStateException("writing the first handshake message failed", e);
    }
    byte[] hello = new byte[LinkFormat.HELLO_BYTES]; // zeros after the message: the padding
    hello[0] = LinkFormat.HELLO;
    hello[1] = LinkFormat.VERSION;
    System.arraycopy(cookie, 0, hello, 2, LinkFormat.COOKIE_BYTES);
    System.arraycopy(message, 0, hello, LinkFormat.HELLO_MESSAGE_AT, message.length);
    helloCookie = cookie.clone();
    helloSentNanos = nowNanos;
    out.send(roomSeal.seal(Flow.TO_SERVER, hello, hello.length));
  }

  private HandshakeState initiator(KeyPair pair, byte[] prologueCookie) {
    HandshakeState.Builder builder =
        psk == null
            ? HandshakeState.initiator(HandshakePattern.NX)
            : HandshakeState.initiator(HandshakePattern.NXpsk2).psk(psk);
    return builder.prologue(LinkFormat.prologue(prologueCookie)).ephemerals(() -> pair).build();
  }

  /** Drops keys that may no longer be used; a payload then waits for a new handshake. */
  private void expire(long nowNanos) {
    if (previous != null && previous.expired(nowNanos)) {
      previous = null;
    }
    if (current != null && current.expired(nowNanos)) {
      current = null;
    }
  }
}
