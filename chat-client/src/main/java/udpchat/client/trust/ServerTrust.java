package udpchat.client.trust;

import java.nio.file.Path;
import java.util.Optional;
import udpchat.secure.identity.Fingerprint;

/**
 * Which server keys a client trusts, as it was started.
 *
 * @param knownServers the file of servers met before (trust on first use, like ssh's known_hosts),
 *     or null: every key trusted, nothing remembered (tests and tools; the command line always
 *     names the file)
 * @param pinned the key {@code --server-key} names (full or short form), or null; when given, it is
 *     the only key trusted and the file is neither read nor written
 * @param discovered the key the server's discovery reply gave, or null (no discovery, or a server
 *     that says none): the handshake must show it, so the client talks to the server it chose; it
 *     is checked before the file, which still decides
 */
public record ServerTrust(Path knownServers, String pinned, Fingerprint discovered) {

  /** Trusts every key and remembers none. */
  public static final ServerTrust ANY = new ServerTrust(null, null);

  public ServerTrust(Path knownServers, String pinned) {
    this(knownServers, pinned, null);
  }

  public ServerTrust {
    if (pinned != null && problem(pinned).isPresent()) {
      throw new IllegalArgumentException(problem(pinned).get());
    }
  }

  /** Why {@code pinned} names no key, if it does not: the full form or the short form. */
  public static Optional<String> problem(String pinned) {
    String given = pinned.strip();
    if (given.startsWith("SHA256:")) {
      try {
        Fingerprint.parse(given);
        return Optional.empty();
      } catch (IllegalArgumentException e) {
        return Optional.of(e.getMessage());
      }
    }
    if (given.matches("(?i)[a-z2-7]{5}(-?[a-z2-7]{5}){3}")) {
      return Optional.empty();
    }
    return Optional.of(
        "a server key is SHA256: and 52 base32 characters, or its short form abcde-fghij-klmno-pqrst"
            + " (the server prints both when it starts), not '"
            + (given.length() > 60 ? given.substring(0, 60) + "..." : given)
            + "'");
  }
}
