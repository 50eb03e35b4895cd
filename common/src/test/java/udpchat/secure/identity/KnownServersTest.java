package udpchat.secure.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import udpchat.secure.identity.KnownServers.Status;
import udpchat.secure.noise.X25519;

/** known_servers: new, known, changed; the file's modes, its lines, and what it refuses. */
class KnownServersTest {

  @TempDir Path dir;

  private final Fingerprint one = Fingerprint.of(X25519.generate().publicKey());
  private final Fingerprint two = Fingerprint.of(X25519.generate().publicKey());

  private Path file() {
    return dir.resolve(".udpchat").resolve("known_servers");
  }

  @Test
  void firstContactIsNewThenTheSameKeyIsKnownAndAnotherIsChanged() throws IOException {
    KnownServers known = new KnownServers(file());
    assertThat(known.check("chat.example:4000", one)).isEqualTo(Status.NEW);
    assertThat(Files.exists(file())).isFalse(); // checking writes nothing
    known.remember("chat.example:4000", one);
    assertThat(known.check("chat.example:4000", one)).isEqualTo(Status.KNOWN);
    assertThat(known.check("CHAT.example:4000", one)).isEqualTo(Status.KNOWN);
    assertThat(known.check("chat.example:4000", two)).isEqualTo(Status.CHANGED);
    assertThat(known.check("chat.example:4001", two)).isEqualTo(Status.NEW);
    // Another client's store on the same file sees it.
    assertThat(new KnownServers(file()).lookup("chat.example:4000")).contains(one);
  }

  @Test
  void theFileIs0600InA0700FolderWithOneLinePerServer() throws IOException {
    KnownServers known = new KnownServers(file());
    known.remember("chat.example:4000", one);
    known.remember("[::1]:4000", two);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file())))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file().getParent())))
        .isEqualTo("rwx------");
    assertThat(Files.readAllLines(file()))
        .containsExactly("chat.example:4000 " + one, "[::1]:4000 " + two);
    try (var entries = Files.list(file().getParent())) {
      assertThat(entries).containsExactly(file());
    }
  }

  @Test
  void rememberingAChangeReplacesTheLineAndKeepsTheRest() throws IOException {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), "# mine\nchat.example:4000 " + one + "\nother:1 " + one + "\n");
    Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-------"));
    KnownServers known = new KnownServers(file());
    known.remember("chat.example:4000", two);
    assertThat(known.check("chat.example:4000", two)).isEqualTo(Status.KNOWN);
    assertThat(Files.readAllLines(file()))
        .containsExactly("# mine", "chat.example:4000 " + two, "other:1 " + one);
  }

  @Test
  void aDamagedLineIsRefusedWithItsNumber() throws IOException {
    Files.createDirectories(file().getParent());
    Files.writeString(file(), "a:1 " + one + "\nb:2 SHA256:nonsense\n");
    Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> new KnownServers(file()).check("a:1", one))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("line 2 is damaged");
  }

  @Test
  void aFileOthersMayChangeIsRefused() throws IOException {
    KnownServers known = new KnownServers(file());
    known.remember("a:1", one);
    Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-rw-rw-"));
    assertThatThrownBy(() -> known.check("a:1", one)).hasMessageContaining("open to others");
  }

  @Test
  void aServerIsHostColonPort() {
    assertThat(KnownServers.normalise(" Chat.Example:4000 ")).isEqualTo("chat.example:4000");
    for (String bad : new String[] {"chat.example", ":4000", "a b:1", "a:0", "a:65536", "a:x"}) {
      assertThatThrownBy(() -> KnownServers.normalise(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
