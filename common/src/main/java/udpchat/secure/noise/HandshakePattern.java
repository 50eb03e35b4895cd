package udpchat.secure.noise;

import java.util.List;

/**
 * The Noise handshake patterns udpchat uses (specification §7.4 and §9.4), as token lists: the
 * server is always the responder.
 *
 * <ul>
 *   <li>{@link #NX}: the client has no static key; the server sends its static key encrypted and
 *       the client checks it against its known servers or a pinned fingerprint.
 *   <li>{@link #NXpsk2}: NX for a private room: the room key is mixed in as a pre-shared key at the
 *       end of the server's message, so a client without it cannot open that message, and the
 *       server learns that the client had it when the first transport message opens.
 *   <li>{@link #NK}: a client that already knows the server's static key (a pre-message) sends its
 *       first payload encrypted to it.
 * </ul>
 */
public enum HandshakePattern {
  NX(false, List.of(List.of(Token.E), List.of(Token.E, Token.EE, Token.S, Token.ES))),
  NXpsk2(
      false, List.of(List.of(Token.E), List.of(Token.E, Token.EE, Token.S, Token.ES, Token.PSK))),
  NK(true, List.of(List.of(Token.E, Token.ES), List.of(Token.E, Token.EE)));

  /** A handshake token (§7.1). */
  enum Token {
    E,
    S,
    EE,
    ES,
    SE,
    SS,
    PSK
  }

  private final boolean responderStaticKnown;
  private final List<List<Token>> messages;

  HandshakePattern(boolean responderStaticKnown, List<List<Token>> messages) {
    this.responderStaticKnown = responderStaticKnown;
    this.messages = messages;
  }

  /** The full protocol name, which is hashed first: {@code Noise_NX_25519_ChaChaPoly_SHA256}. */
  public String protocolName() {
    return "Noise_" + name() + "_25519_ChaChaPoly_SHA256";
  }

  /** Whether the pattern has the pre-message {@code <- s}: the initiator knows the server's key. */
  public boolean responderStaticKnown() {
    return responderStaticKnown;
  }

  /** Whether a pre-shared key is mixed in, so that {@code e} also calls MixKey (§9.2). */
  public boolean usesPsk() {
    return messages.stream().anyMatch(m -> m.contains(Token.PSK));
  }

  /** The messages, the initiator's first, then alternating. */
  List<List<Token>> messages() {
    return messages;
  }
}
