package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static udpchat.client.TestUser.error;
import static udpchat.client.TestUser.notice;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpchat.client.room.ServerReachability;
import udpchat.client.trust.ServerTrust;
import udpchat.net.Faults;
import udpchat.protocol.Drops;
import udpchat.secure.identity.Fingerprint;
import udpchat.server.ChatServer;
import udpchat.server.ServerConfig;

/**
 * Trust on first use, end to end: a client remembers the key of the server it first met (said
 * once), says nothing when it meets that key again, and refuses another key at the same address
 * with one line however often it tries, until the user pins the new key with {@code --server-key}.
 */
@Timeout(90)
public class ServerKeyChangeTest {

  @TempDir Path folderA;
  @TempDir Path folderB;
  @TempDir Path clientHome;

  ChatServer server;
  TestUser user;

  @AfterEach
  void stop() throws Exception {
    if (user != null) {
      user.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** A server keeping its data (and its key, {@code server.key}) in {@code folder}. */
  static ChatServer serverIn(Path folder, int port) throws Exception {
    return new ChatServer(
            new ServerConfig(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                Duration.ofSeconds(15),
                Duration.ofSeconds(1),
                ServerConfig.DEFAULT_HISTORY,
                ServerConfig.DEFAULT_BACKLOG,
                folder,
                Faults.NONE,
                ServerConfig.DEFAULT_MAX_MEMBERS,
                ServerConfig.DEFAULT_MAX_PER_ADDRESS,
                ServerConfig.DEFAULT_RATE_LIMIT,
                ServerConfig.DEFAULT_BURST,
                null),
            Clock.systemUTC())
        .start();
  }

  ClientConfig client(int port, String pinned) {
    return new ClientConfig(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port), "alice", null)
        .withTrust(new ServerTrust(clientHome.resolve("known_servers"), pinned));
  }

  void restart(Path folder, int port) throws Exception {
    user.close();
    user = null;
    server.close();
    server = serverIn(folder, port);
  }

  @Test
  void aChangedKeyIsRefusedWithOneLineUntilItIsPinned() throws Exception {
    server = serverIn(folderA, 0);
    int port = server.address().getPort();
    Fingerprint keyA = server.fingerprint();
    Path knownServers = clientHome.resolve("known_servers");

    // First contact: said once, remembered in a file only its owner may read.
    user = TestUser.joined(client(port, null));
    user.await(notice("server key " + keyA + " (first contact with 127.0.0.1:" + port));
    assertThat(Files.readString(knownServers)).isEqualTo("127.0.0.1:" + port + " " + keyA + "\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(knownServers)))
        .isEqualTo("rw-------");

    // The same server again (its key kept in its folder): nothing said.
    restart(folderA, port);
    assertThat(server.fingerprint()).isEqualTo(keyA);
    user = TestUser.joined(client(port, null));
    assertThat(user.events()).noneMatch(e -> e.text().contains("server key"));

    // Another server at the same address: refused, one line however many joins meet it.
    restart(folderB, port);
    Fingerprint keyB = server.fingerprint();
    assertThat(keyB).isNotEqualTo(keyA);
    user = TestUser.started(client(port, null));
    user.await(
        error(
            "REFUSED: the server at 127.0.0.1:"
                + port
                + " shows key "
                + keyB
                + ", not "
                + keyA
                + " as before"));
    // Past the time after which a silent server is said not to answer, and several joins.
    await()
        .pollDelay(Duration.ofMillis(ServerReachability.NO_ANSWER_MS + 1000))
        .atMost(TestUser.PATIENCE)
        .until(() -> user.drops().count(Drops.SERVER_KEY_REFUSED) >= 3);
    assertThat(user.events()).filteredOn(e -> e.text().contains("REFUSED")).hasSize(1);
    // The server did answer: no "no server answers" after the refusal said why.
    assertThat(user.events()).noneMatch(notice("no server answers"));
    assertThat(user.events().stream().filter(e -> e.text().contains("REFUSED")).findFirst())
        .hasValueSatisfying(
            e ->
                assertThat(e.text())
                    .contains("remove its line from " + knownServers, "--server-key " + keyB));
    assertThat(server.members()).isEmpty();
    assertThat(Files.readString(knownServers)).contains(keyA.toString()); // never replaced

    // Pinned (the short form, as a person would type it): in.
    user.close();
    user = TestUser.joined(client(port, keyB.shortForm()));
    assertThat(server.members()).containsExactly("alice");
    assertThat(user.events()).noneMatch(e -> e.text().contains("REFUSED"));
  }

  @Test
  void aPinnedKeyRefusesAnyOtherEvenOnFirstContact() throws Exception {
    server = serverIn(folderA, 0);
    int port = server.address().getPort();
    try (ChatServer other = serverIn(folderB, 0)) {
      user = TestUser.started(client(port, other.fingerprint().toString()));
      user.await(
          error(
              "REFUSED: the server at 127.0.0.1:"
                  + port
                  + " shows key "
                  + server.fingerprint()
                  + ", not "
                  + other.fingerprint()
                  + " as --server-key says"));
      await()
          .atMost(TestUser.PATIENCE)
          .until(() -> user.drops().count(Drops.SERVER_KEY_REFUSED) >= 2);
      assertThat(server.members()).isEmpty();
      assertThat(clientHome.resolve("known_servers")).doesNotExist();
    }
  }
}
