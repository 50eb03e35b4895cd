package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The client's data folder and files are private to the user from the moment they exist. */
@Timeout(60)
public class ClientHomeTest {

  @TempDir Path temp;

  static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void aNewFolderIs0700AndItsFiles0600() throws Exception {
    Path home = ClientHome.prepare(temp.resolve("a/b/home"));
    assertThat(mode(home)).isEqualTo("rwx------");
    assertThat(mode(home.resolve(ClientHome.HISTORY))).isEqualTo("rw-------");
    assertThat(mode(home.resolve(ClientHome.LOG))).isEqualTo("rw-------");
  }

  @Test
  void whatTheUserSetIsLeftAsItIs() throws Exception {
    Path home = Files.createDirectory(temp.resolve("home"));
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-x---"));
    ClientHome.prepare(home);
    assertThat(mode(home)).isEqualTo("rwxr-x---");
  }

  @Test
  void theClientProgramMakesItsFolderAndFilesPrivate() throws Exception {
    int closed;
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    Path home = temp.resolve("fresh/.udpchat");
    try (JavaProcess client =
        JavaProcess.start(
            List.of("-Dudpchat.home=" + home),
            ChatClientCommand.class,
            "--plain",
            "--host",
            "127.0.0.1",
            "--port",
            String.valueOf(closed),
            "--name",
            "alice")) {
      client.awaitOutput("joining 127.0.0.1:" + closed);
      client.type("quit");
      assertThat(client.awaitExit()).isZero();
    }
    assertThat(mode(home)).isEqualTo("rwx------");
    assertThat(mode(home.resolve("history"))).isEqualTo("rw-------");
    assertThat(mode(home.resolve("client.log"))).isEqualTo("rw-------");
  }
}
