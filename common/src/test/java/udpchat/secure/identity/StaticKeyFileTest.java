package udpchat.secure.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import udpchat.secure.noise.KeyPair;
import udpchat.secure.noise.X25519;

/** The server's key file: made 0600 once, the same key after, and every kind of damage refused. */
class StaticKeyFileTest {

  @TempDir Path dir;

  @Test
  void theFirstStartMakesAKey0600AndLaterStartsReadTheSame() throws IOException {
    Path file = dir.resolve("data").resolve("server.key");
    KeyPair first = StaticKeyFile.loadOrCreate(file);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(StaticKeyFile.loadOrCreate(file)).isEqualTo(first);
    assertThat(StaticKeyFile.load(file).publicKey()).isEqualTo(first.publicKey());
    assertThat(Files.readString(file)).contains("private ").contains("public ");
    try (var entries = Files.list(file.getParent())) {
      assertThat(entries).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void aSavedKeyReadsBackExactly() throws IOException {
    KeyPair pair = X25519.fromPrivate(new byte[32]);
    Path file = dir.resolve("server.key");
    StaticKeyFile.save(file, pair);
    assertThat(StaticKeyFile.load(file)).isEqualTo(pair);
    assertThat(Files.readString(file)).contains("private " + "00".repeat(32));
  }

  @Test
  void serversStartingTogetherOnOneFolderGetOneKey() throws Exception {
    Path file = dir.resolve("server.key");
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var starts = new java.util.ArrayList<java.util.concurrent.Future<KeyPair>>();
      for (int i = 0; i < 8; i++) {
        starts.add(pool.submit(() -> StaticKeyFile.loadOrCreate(file)));
      }
      KeyPair first = starts.get(0).get(10, java.util.concurrent.TimeUnit.SECONDS);
      for (var start : starts) {
        assertThat(start.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(first);
      }
      assertThat(StaticKeyFile.load(file)).isEqualTo(first);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void createWholeNeverReplacesAFile() throws IOException {
    Path file = dir.resolve("f");
    assertThat(OwnerOnly.createWhole(file, new byte[] {1})).isTrue();
    assertThat(OwnerOnly.createWhole(file, new byte[] {2})).isFalse();
    assertThat(Files.readAllBytes(file)).containsExactly(1);
    try (var entries = Files.list(dir)) {
      assertThat(entries).containsExactly(file);
    }
  }

  @Test
  void twoServersMakeTwoKeys() throws IOException {
    assertThat(StaticKeyFile.loadOrCreate(dir.resolve("a.key")))
        .isNotEqualTo(StaticKeyFile.loadOrCreate(dir.resolve("b.key")));
  }

  @Test
  void aFileWhosePublicKeyIsNotItsPrivateKeysIsRefused() throws IOException {
    Path file = dir.resolve("server.key");
    StaticKeyFile.loadOrCreate(file);
    String text = Files.readString(file);
    int at = text.indexOf("public ") + 7;
    char c = text.charAt(at);
    rewrite(file, text.substring(0, at) + (c == '0' ? '1' : '0') + text.substring(at + 1));
    assertThatThrownBy(() -> StaticKeyFile.load(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("damaged")
        .hasMessageContaining("not its private key's");
  }

  @Test
  void aTruncatedOrGarbledFileIsRefusedSayingWhy() throws IOException {
    Path file = dir.resolve("server.key");
    StaticKeyFile.loadOrCreate(file);
    String text = Files.readString(file);

    rewrite(file, text.substring(0, text.indexOf("public")));
    assertThatThrownBy(() -> StaticKeyFile.load(file)).hasMessageContaining("1 key lines, not 2");

    rewrite(file, text.replaceFirst("private [0-9a-f]{4}", "private zzzz"));
    assertThatThrownBy(() -> StaticKeyFile.load(file)).hasMessageContaining("not hex");

    rewrite(file, text.replaceFirst("(private [0-9a-f]{62})[0-9a-f]{2}", "$1"));
    assertThatThrownBy(() -> StaticKeyFile.load(file)).hasMessageContaining("62 hex digits");

    rewrite(file, text.replace("private", "secret"));
    assertThatThrownBy(() -> StaticKeyFile.load(file)).hasMessageContaining("'private <64");
  }

  @Test
  void aFileOthersMayReadIsRefused() throws IOException {
    Path file = dir.resolve("server.key");
    StaticKeyFile.loadOrCreate(file);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> StaticKeyFile.loadOrCreate(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("open to others (rw-r--r--)");
  }

  private static void rewrite(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.US_ASCII);
  }
}
