package udpchat.secure.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The servers a client has met and the key each showed, like ssh's known_hosts: one line per
 * server, {@code host:port SHA256:...}, in a file such as {@code ~/.udpchat/known_servers} (0600,
 * folder 0700). First contact is {@link Status#NEW} (the caller shows the fingerprint and remembers
 * it), the same key is {@link Status#KNOWN}, another key is {@link Status#CHANGED} and the caller
 * refuses to go on.
 *
 * <p>The file is read on each call and rewritten whole (temporary file, then rename), so two
 * clients see each other's servers and a crash never leaves half a file. Two clients remembering at
 * the same instant may lose one entry, which is then met again as new. Lines starting with {@code
 * #} are kept; any other line that is not a server and a fingerprint is refused with its number,
 * since a trust file read partly is a trust file that lies. So is a file others may change.
 */
public final class KnownServers {

  /** What the file says of a server and the key it showed. */
  public enum Status {
    NEW,
    KNOWN,
    CHANGED
  }

  private final Path file;

  /** The store in {@code file}, which need not exist yet. */
  public KnownServers(Path file) {
    this.file = file;
  }

  /** What the file says of {@code server} ({@code host:port}) showing {@code key}. */
  public Status check(String server, Fingerprint key) throws IOException {
    return lookup(server)
        .map(known -> known.equals(key) ? Status.KNOWN : Status.CHANGED)
        .orElse(Status.NEW);
  }

  /** The key remembered for {@code server}, if any. */
  public Optional<Fingerprint> lookup(String server) throws IOException {
    String name = normalise(server);
    for (String line : read()) {
      Entry entry = Entry.parse(line);
      if (entry != null && entry.server.equals(name)) {
        return Optional.of(entry.key);
      }
    }
    return Optional.empty();
  }

  /**
   * Remembers {@code key} for {@code server}: added, or replacing the old key (only when the user
   * has said the change is expected).
   */
  public void remember(String server, Fingerprint key) throws IOException {
    String name = normalise(server);
    List<String> lines = new ArrayList<>();
    boolean replaced = false;
    for (String line : read()) {
      Entry entry = Entry.parse(line);
      if (entry != null && entry.server.equals(name)) {
        if (!replaced) {
          lines.add(name + " " + key);
          replaced = true;
        }
      } else {
        lines.add(line);
      }
    }
    if (!replaced) {
      lines.add(name + " " + key);
    }
    OwnerOnly.replace(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** The file's lines, checked; none if there is no file yet. */
  private List<String> read() throws IOException {
    if (!Files.exists(file)) {
      return List.of();
    }
    OwnerOnly.check(file, OwnerOnly.write(), "the known servers file");
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      try {
        Entry.parse(lines.get(i));
      } catch (IllegalArgumentException e) {
        throw new IOException(file + " line " + (i + 1) + " is damaged: " + e.getMessage(), e);
      }
    }
    return lines;
  }

  /** A server's name as stored: lower case, no spaces, a port after the last colon. */
  static String normalise(String server) {
    String name = server.strip().toLowerCase(Locale.ROOT);
    int colon = name.lastIndexOf(':');
    if (name.isEmpty() || name.chars().anyMatch(Character::isWhitespace) || colon <= 0) {
      throw new IllegalArgumentException("a server is host:port, not '" + server + "'");
    }
    try {
      int port = Integer.parseInt(name.substring(colon + 1));
      if (port < 1 || port > 65_535) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a server is host:port, not '" + server + "'", e);
    }
    return name;
  }

  /** One line: a server and its key, or null for a blank line or a comment. */
  private record Entry(String server, Fingerprint key) {
    static Entry parse(String line) {
      String text = line.strip();
      if (text.isEmpty() || text.startsWith("#")) {
        return null;
      }
      String[] parts = text.split("\\s+");
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "expected 'host:port SHA256:...', got " + parts.length + " fields");
      }
      return new Entry(normalise(parts[0]), Fingerprint.parse(parts[1]));
    }
  }
}
