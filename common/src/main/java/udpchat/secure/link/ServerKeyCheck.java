package udpchat.secure.link;

/**
 * What a client decides about the static key a server showed in its accept: trusted (the pinned
 * key, or the one remembered for this server, or a first meeting remembered now) or refused.
 */
@FunctionalInterface
public interface ServerKeyCheck {

  /** Trusts every key: for tests and for tools that check nothing. */
  ServerKeyCheck ANY = serverStatic -> null;

  /**
   * Null when {@code serverStatic} is trusted; otherwise why not, in a sentence for the user (the
   * handshake is then refused and no datagram is sealed under it).
   */
  String refusal(byte[] serverStatic);
}
