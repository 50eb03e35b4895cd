package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.client.TestUser.message;
import static udpchat.client.TestUser.notice;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpchat.client.settings.ConfigFile;
import udpchat.client.view.Event;
import udpchat.server.ChatServer;

/**
 * A real server and three real clients on loopback: alice ignores bob, and bob's messages, actions
 * and private messages stop reaching her screen while carol's still do, through a restart of her
 * client with the same folder, until she unignores him.
 */
@Timeout(90)
class IgnoreTest {

  @TempDir Path home;

  private ChatServer server;
  private final List<TestUser> users = new ArrayList<>();
  private TestUser bob;
  private TestUser carol;

  @BeforeEach
  void bobAndCarolAreIn() throws Exception {
    server = TestServers.start(Duration.ofSeconds(15), Duration.ofSeconds(1));
    bob = keep(TestUser.joined(TestServers.addressOf(server), "bob"));
    carol = keep(TestUser.joined(TestServers.addressOf(server), "carol"));
  }

  @AfterEach
  void closeEverything() throws Exception {
    for (TestUser user : users) {
      user.close();
    }
    server.close();
  }

  private TestUser keep(TestUser user) {
    users.add(user);
    return user;
  }

  private TestUser aliceWithHerFolder() throws Exception {
    return keep(
        TestUser.joined(
            new ClientConfig(TestServers.addressOf(server), "alice", null)
                .withConfigFile(home.resolve(ConfigFile.NAME))));
  }

  private static Predicate<Event> fromBob() {
    return e ->
        (e.kind() == Event.Kind.MESSAGE
                || e.kind() == Event.Kind.ACTION
                || e.kind() == Event.Kind.PRIVATE)
            && e.from().equals("bob");
  }

  /** Bob says a line, acts and whispers to alice, all delivered; then carol says {@code marker}. */
  private void bobTalksThenCarolSays(String marker) {
    bob.type("/msg alice psst " + marker);
    bob.type("/me waves " + marker);
    bob.type("hello " + marker);
    bob.await(
        e -> e.kind() == Event.Kind.DELIVERED && e.subject().text().equals("hello " + marker));
    carol.type(marker);
  }

  @Test
  void anIgnoredNameIsHiddenKeptAcrossARestartAndShownAgainWhenUnignored() throws Exception {
    TestUser alice = aliceWithHerFolder();
    bob.type("before");
    alice.await(message("bob", "before")); // seen while not ignored

    alice.type("/ignore BOB");
    alice.await(notice("ignoring BOB (kept in "));
    bobTalksThenCarolSays("first");

    alice.await(message("carol", "first"));
    assertThat(alice.events()).filteredOn(fromBob()).hasSize(1); // "before" only
    assertThat(Files.readString(home.resolve(ConfigFile.NAME))).contains("ignore BOB\n");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("config"))))
        .isEqualTo("rw-------");

    alice.type("/ignore");
    alice.await(notice("ignoring: BOB"));

    assertThat(alice.quit()).isZero();
    TestUser again = aliceWithHerFolder();
    bobTalksThenCarolSays("second");
    again.await(message("carol", "second"));
    // The backlog shown on joining holds bob's lines too: hidden as well.
    assertThat(again.events()).noneMatch(fromBob());

    again.type("/unignore bob");
    again.await(notice("no longer ignoring bob (kept in "));
    bob.type("/msg alice back");
    bob.type("I am back");
    again.await(message("bob", "I am back"));
    again.await(e -> e.kind() == Event.Kind.PRIVATE && e.text().equals("back"));
    assertThat(Files.readString(home.resolve(ConfigFile.NAME))).doesNotContain("ignore BOB");
  }

  @Test
  void badUsageIsOneErrorLineAndSetKeepsTheTimeFormat() throws Exception {
    TestUser alice = aliceWithHerFolder();
    alice.type("/unignore");
    alice.await(TestUser.error("usage: /unignore NAME"));
    alice.type("/ignore b@d");
    alice.await(TestUser.error("usage: /ignore NAME: a name has only letters"));
    alice.type("/set colour red");
    alice.await(TestUser.error("usage: /set KEY VALUE, KEY one of: time_format"));
    alice.type("/set time_format hh");
    alice.await(TestUser.error("usage: /set time_format HH:mm:ss | HH:mm"));
    alice.type("/unignore carol");
    alice.await(TestUser.error("not ignoring carol"));

    alice.type("/set");
    alice.await(notice("time_format HH:mm:ss (one of HH:mm:ss | HH:mm)"));
    alice.type("/set time_format HH:mm");
    alice.await(notice("time_format is HH:mm (kept in "));
    assertThat(alice.view.timeFormats).containsExactly("HH:mm:ss", "HH:mm");

    assertThat(alice.quit()).isZero();
    TestUser again = aliceWithHerFolder();
    assertThat(again.view.timeFormats).containsExactly("HH:mm"); // from the file, at start
    again.type("/set");
    again.await(notice("time_format HH:mm (one of"));
  }
}
