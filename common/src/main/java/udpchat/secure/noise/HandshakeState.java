package udpchat.secure.noise;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.function.Supplier;
import udpchat.secure.noise.HandshakePattern.Token;

/**
 * Noise's HandshakeState (specification §5.3): one end of a handshake, which writes and reads its
 * messages in turn and, after the last, gives the {@link SessionKeys}.
 *
 * <p>Made with {@link #initiator} (the client) or {@link #responder} (the server). The prologue
 * (udpchat puts the protocol version and the join cookie in it) is hashed first, so the two ends
 * finish only if they agree on it. Ephemeral keys come from a supplier, {@link X25519#generate} by
 * default, which tests replace with a vector's keys.
 *
 * <p>After {@link #readMessage} of the NX responder's message, {@link #remoteStatic()} is the
 * server's key: the client checks it ({@link udpchat.secure.identity.KnownServers}, a pinned {@link
 * udpchat.secure.identity.Fingerprint}) before it sends anything. A message that does not open or
 * is malformed fails the whole handshake: every later call throws, and the caller starts again. Not
 * thread-safe: one owner uses it.
 */
public final class HandshakeState {

  /** The longest Noise message (§3). */
  public static final int MAX_MESSAGE_BYTES = 65_535;

  private final HandshakePattern pattern;
  private final boolean initiator;
  private final SymmetricState symmetric;
  private final KeyPair localStatic;
  private final byte[] psk;
  private final Supplier<KeyPair> ephemerals;
  private KeyPair localEphemeral;
  private byte[] remoteStatic;
  private byte[] remoteEphemeral;
  private int messageIndex;
  private boolean failed;
  private SessionKeys keys;

  private HandshakeState(Builder b) {
    pattern = b.pattern;
    initiator = b.initiator;
    localStatic = b.localStatic;
    remoteStatic = b.remoteStatic == null ? null : b.remoteStatic.clone();
    psk = b.psk == null ? null : b.psk.clone();
    ephemerals = b.ephemerals;
    symmetric = new SymmetricState(pattern.protocolName());
    symmetric.mixHash(b.prologue);
    if (pattern.responderStaticKnown()) { // the pre-message "<- s"
      symmetric.mixHash(initiator ? remoteStatic : localStatic.publicKey());
    }
  }

  /** A client's handshake. */
  public static Builder initiator(HandshakePattern pattern) {
    return new Builder(pattern, true);
  }

  /** A server's handshake. */
  public static Builder responder(HandshakePattern pattern) {
    return new Builder(pattern, false);
  }

  /** Whether it is this end's turn to write. */
  public boolean isMyTurn() {
    return !isComplete() && (messageIndex % 2 == 0) == initiator;
  }

  /** Whether every message has been written or read, so {@link #sessionKeys()} is ready. */
  public boolean isComplete() {
    return keys != null;
  }

  /** WriteMessage(payload): the next handshake message, carrying {@code payload}. */
  public byte[] writeMessage(byte[] payload) throws NoiseException {
    checkTurn(true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      for (Token token : pattern.messages().get(messageIndex)) {
        switch (token) {
          case E -> {
            localEphemeral = ephemerals.get();
            byte[] publicKey = localEphemeral.publicKey();
            out.writeBytes(publicKey);
            mixEphemeral(publicKey);
          }
          case S -> out.writeBytes(symmetric.encryptAndHash(localStatic.publicKey()));
          default -> mixToken(token);
        }
      }
      out.writeBytes(symmetric.encryptAndHash(payload));
    } catch (NoiseException | RuntimeException e) {
      failed = true;
      throw e;
    }
    if (out.size() > MAX_MESSAGE_BYTES) {
      failed = true;
      throw new IllegalArgumentException(
          "a Noise message has at most 65535 bytes: payload too big");
    }
    advance();
    return out.toByteArray();
  }

  /** ReadMessage(message): the payload of the peer's next handshake message. */
  public byte[] readMessage(byte[] message) throws NoiseException {
    checkTurn(false);
    try {
      if (message.length > MAX_MESSAGE_BYTES) {
        throw new NoiseException("a Noise message has at most 65535 bytes, not " + message.length);
      }
      int offset = 0;
      for (Token token : pattern.messages().get(messageIndex)) {
        switch (token) {
          case E -> {
            remoteEphemeral = slice(message, offset, X25519.KEY_BYTES, "ephemeral key");
            offset += X25519.KEY_BYTES;
            mixEphemeral(remoteEphemeral);
          }
          case S -> {
            int length = X25519.KEY_BYTES + (symmetric.hasKey() ? CipherState.TAG_BYTES : 0);
            byte[] sealed = slice(message, offset, length, "static key");
            offset += length;
            remoteStatic = symmetric.decryptAndHash(sealed);
          }
          default -> mixToken(token);
        }
      }
      byte[] payload =
          symmetric.decryptAndHash(Arrays.copyOfRange(message, offset, message.length));
      advance();
      return payload;
    } catch (NoiseException | RuntimeException e) {
      failed = true;
      throw e;
    }
  }

  /** The peer's static public key: known in advance (NK), or received (NX); else null. */
  public byte[] remoteStatic() {
    return remoteStatic == null ? null : remoteStatic.clone();
  }

  /** GetHandshakeHash(): final once {@link #isComplete()}; both ends then hold the same. */
  public byte[] handshakeHash() {
    return symmetric.handshakeHash();
  }

  /** The transport keys, after the last message. */
  public SessionKeys sessionKeys() {
    if (keys == null) {
      throw new IllegalStateException("the handshake is not complete");
    }
    return keys;
  }

  /** The "e" token: with a pre-shared key the ephemeral also keys the cipher (§9.2). */
  private void mixEphemeral(byte[] publicKey) {
    symmetric.mixHash(publicKey);
    if (pattern.usesPsk()) {
      symmetric.mixKey(publicKey);
    }
  }

  /** The DH and psk tokens, which are the same whichever end writes. */
  private void mixToken(Token token) throws NoiseException {
    switch (token) {
      case EE -> symmetric.mixKey(localEphemeral.dh(remoteEphemeral));
      case ES ->
          symmetric.mixKey(
              initiator ? localEphemeral.dh(remoteStatic) : localStatic.dh(remoteEphemeral));
      case SE ->
          symmetric.mixKey(
              initiator ? localStatic.dh(remoteEphemeral) : localEphemeral.dh(remoteStatic));
      case SS -> symmetric.mixKey(localStatic.dh(remoteStatic));
      case PSK -> symmetric.mixKeyAndHash(psk);
      default -> throw new IllegalStateException("not a DH token: " + token);
    }
  }

  private void checkTurn(boolean writing) {
    if (failed) {
      throw new IllegalStateException("this handshake failed; start a new one");
    }
    if (isComplete()) {
      throw new IllegalStateException("the handshake is complete");
    }
    if (isMyTurn() != writing) {
      throw new IllegalStateException(writing ? "it is the peer's turn" : "it is our turn");
    }
  }

  private void advance() {
    messageIndex++;
    if (messageIndex == pattern.messages().size()) {
      CipherState[] pair = symmetric.split();
      keys =
          initiator
              ? new SessionKeys(pair[0], pair[1], symmetric.handshakeHash(), remoteStatic)
              : new SessionKeys(pair[1], pair[0], symmetric.handshakeHash(), remoteStatic);
      // The ephemeral key has done its work; what derived from it lives on only in the keys.
      localEphemeral.erase();
      localEphemeral = null;
      symmetric.eraseChainingKey();
    }
  }

  private static byte[] slice(byte[] message, int offset, int length, String what)
      throws NoiseException {
    if (message.length - offset < length) {
      throw new NoiseException("the handshake message is too short for its " + what);
    }
    return Arrays.copyOfRange(message, offset, offset + length);
  }

  /** What one end of a handshake is given; {@link #build()} checks that the pattern has it. */
  public static final class Builder {
    private final HandshakePattern pattern;
    private final boolean initiator;
    private byte[] prologue = new byte[0];
    private KeyPair localStatic;
    private byte[] remoteStatic;
    private byte[] psk;
    private Supplier<KeyPair> ephemerals = X25519::generate;

    private Builder(HandshakePattern pattern, boolean initiator) {
      this.pattern = pattern;
      this.initiator = initiator;
    }

    /** Bytes both ends must agree on, sent by neither (§6); empty by default. */
    public Builder prologue(byte[] prologue) {
      this.prologue = prologue.clone();
      return this;
    }

    /**
     * This end's static key pair: the server's, from its {@link
     * udpchat.secure.identity.StaticKeyFile}.
     */
    public Builder localStatic(KeyPair localStatic) {
      this.localStatic = localStatic;
      return this;
    }

    /** The server's static public key, known in advance (NK). */
    public Builder remoteStatic(byte[] remoteStatic) {
      this.remoteStatic = remoteStatic.clone();
      return this;
    }

    /** The 32-byte pre-shared key of a psk pattern: the private room's key. */
    public Builder psk(byte[] psk) {
      this.psk = psk.clone();
      return this;
    }

    /**
     * Where ephemeral keys come from: tests give fixed ones. Each is erased once the handshake
     * completes, so the supplier must give a new pair each time (and never reuse one).
     */
    public Builder ephemerals(Supplier<KeyPair> ephemerals) {
      this.ephemerals = ephemerals;
      return this;
    }

    public HandshakeState build() {
      boolean needsLocalStatic = !initiator; // the responder sends or is known by its key
      require(!needsLocalStatic || localStatic != null, "the responder needs its static key");
      require(initiator || remoteStatic == null, "the responder of " + pattern + " knows no key");
      require(
          !initiator || pattern.responderStaticKnown() == (remoteStatic != null),
          pattern.responderStaticKnown()
              ? pattern + " needs the server's static key"
              : pattern + " receives the server's static key; give none");
      require(!initiator || localStatic == null, "the initiator of " + pattern + " has no static");
      require(
          pattern.usesPsk() == (psk != null),
          pattern.usesPsk() ? pattern + " needs a pre-shared key" : pattern + " takes no psk");
      require(psk == null || psk.length == 32, "a pre-shared key has 32 bytes");
      require(remoteStatic == null || remoteStatic.length == 32, "a static key has 32 bytes");
      return new HandshakeState(this);
    }

    private static void require(boolean ok, String problem) {
      if (!ok) {
        throw new IllegalArgumentException(problem);
      }
    }
  }
}
