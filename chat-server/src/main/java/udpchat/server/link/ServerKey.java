package udpchat.server.link;

import java.io.IOException;
import java.nio.file.Path;
import udpchat.secure.identity.StaticKeyFile;
import udpchat.secure.noise.KeyPair;
import udpchat.secure.noise.X25519;

/**
 * The server's long-lived key, which its handshakes show and clients pin: kept in its data folder
 * (made on first start, 0600), or new for each process that keeps nothing on disk.
 */
public final class ServerKey {

  /** The key's file in the data folder. */
  public static final String FILE = "server.key";

  private ServerKey() {}

  /** The key of the data folder {@code data}, made there if it has none; new when null. */
  public static KeyPair of(Path data) throws IOException {
    return data == null ? X25519.generate() : StaticKeyFile.loadOrCreate(data.resolve(FILE));
  }
}
