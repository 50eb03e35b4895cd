package udpchat.secure.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import udpchat.secure.noise.KeyPair;
import udpchat.secure.noise.X25519;

/**
 * The server's static X25519 key pair on disk: made on first start, 0600 in the server's data
 * folder, read back on every later start, so the server keeps its {@link Fingerprint} and its
 * clients' known_servers stay true.
 *
 * <p>The file is text, so an operator can see what it is:
 *
 * <pre>
 * # udpchat server static key (X25519, hex). Secret: ...
 * private 77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a
 * public 8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a
 * </pre>
 *
 * The public key is redundant, and is there to catch damage: a file whose public key is not its
 * private key's, or that lacks a line, is refused with what is wrong rather than read as another
 * key (which would tell every client the server has changed). So is a file others may read.
 */
public final class StaticKeyFile {

  private static final String HEADER =
      "# udpchat server static key (X25519, hex). Secret: whoever reads it can pose as this"
          + " server. Deleting it makes a new key, which every client will see as changed.";
  private static final HexFormat HEX = HexFormat.of();

  private StaticKeyFile() {}

  /**
   * The key pair in {@code file}, made and saved first if there is none. Two servers starting on
   * one data folder at once get the same key: the file appears whole, and only once.
   */
  public static KeyPair loadOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      return load(file);
    }
    KeyPair pair = X25519.generate();
    return OwnerOnly.createWhole(file, text(pair)) ? pair : load(file);
  }

  /** The key pair in {@code file}; refuses a damaged file or one others may read. */
  public static KeyPair load(Path file) throws IOException {
    OwnerOnly.check(file, OwnerOnly.readOrWrite(), "the server key");
    List<String> lines =
        Files.readAllLines(file, StandardCharsets.US_ASCII).stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .toList();
    if (lines.size() != 2) {
      throw damaged(file, "it has " + lines.size() + " key lines, not 2 (private, public)");
    }
    byte[] privateKey = field(file, lines.get(0), "private");
    byte[] publicKey = field(file, lines.get(1), "public");
    KeyPair pair = X25519.fromPrivate(privateKey);
    if (!Arrays.equals(pair.publicKey(), publicKey)) {
      throw damaged(file, "its public key is not its private key's");
    }
    return pair;
  }

  /** Writes {@code pair} to {@code file}, created 0600 (its folder 0700), replacing it whole. */
  public static void save(Path file, KeyPair pair) throws IOException {
    OwnerOnly.replace(file, text(pair));
  }

  private static byte[] text(KeyPair pair) {
    String text =
        HEADER
            + "\nprivate "
            + HEX.formatHex(pair.privateKey())
            + "\npublic "
            + HEX.formatHex(pair.publicKey())
            + "\n";
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] field(Path file, String line, String name) throws IOException {
    String[] parts = line.split("\\s+");
    if (parts.length != 2 || !parts[0].equals(name)) {
      throw damaged(file, "expected a line '" + name + " <64 hex digits>'");
    }
    if (parts[1].length() != 2 * X25519.KEY_BYTES) {
      throw damaged(file, "its " + name + " key has " + parts[1].length() + " hex digits, not 64");
    }
    try {
      return HEX.parseHex(parts[1]);
    } catch (IllegalArgumentException e) {
      throw damaged(file, "its " + name + " key is not hex");
    }
  }

  private static IOException damaged(Path file, String problem) {
    return new IOException(
        "the server key "
            + file
            + " is damaged: "
            + problem
            + ". Restore it from a backup; delete it only to give the server a new identity.");
  }
}
