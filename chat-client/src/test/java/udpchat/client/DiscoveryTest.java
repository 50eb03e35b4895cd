package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpchat.cli.CommandLines;
import udpchat.crypto.DatagramSeal;
import udpchat.secure.identity.Fingerprint;
import udpchat.secure.noise.X25519;
import udpchat.server.ChatServer;
import udpchat.server.ChatServerCommand;
import udpchat.server.discovery.DiscoveryResponder;
import udpchat.time.MonotonicClock;

/**
 * Servers and clients finding each other for real on this machine, without {@code --host}: the
 * requests go to the loopback broadcast address 127.255.255.255 only (never to a LAN), on a
 * discovery port of the test's own, which every responder of the test shares.
 */
@Timeout(90)
public class DiscoveryTest {

  static final String LOOPBACK_BROADCAST = "127.255.255.255";

  @TempDir Path home;

  final List<AutoCloseable> running = new ArrayList<>();
  int discoveryPort;

  @AfterEach
  void stop() throws Exception {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
  }

  /** A chat server on loopback with a responder on the test's discovery port. */
  ChatServer serverWithRoom(String room) throws Exception {
    return serverWithRoom(room, null);
  }

  /** The same, but the responder names {@code key} (when not null) instead of the server's. */
  ChatServer serverWithRoom(String room, Fingerprint key) throws Exception {
    ChatServer server = TestServers.start(Duration.ofSeconds(15), Duration.ofSeconds(1));
    running.add(server);
    DiscoveryResponder responder =
        new DiscoveryResponder(
                new InetSocketAddress(discoveryPort),
                server.address().getPort(),
                room,
                DatagramSeal.NONE,
                MonotonicClock.INSTANCE,
                source -> true,
                server.epoch(),
                key != null ? key : server.fingerprint())
            .start();
    running.add(responder);
    discoveryPort = responder.address().getPort(); // the first picks the port, the others share
    return server;
  }

  /** Runs the client's command line in this JVM; its exit status, output and errors. */
  record Run(int status, String out, String err) {}

  Run command(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        CommandLines.of(new ChatClientCommand())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args);
    return new Run(status, out.toString(), err.toString());
  }

  String[] discovering(String... args) {
    List<String> all =
        new ArrayList<>(
            List.of("--discover-to", LOOPBACK_BROADCAST, "--discovery-port", "" + discoveryPort));
    all.addAll(List.of(args));
    return all.toArray(String[]::new);
  }

  @Test
  void aClientWithoutHostFindsTheServerAndJoins() throws Exception {
    ChatServer server = serverWithRoom("kitchen");
    JavaProcess dave =
        JavaProcess.start(
            List.of("-Dudpchat.home=" + home),
            ChatClientCommand.class,
            discovering("--plain", "--name", "dave"));
    running.add(dave);
    dave.awaitOutput("joined 127.0.0.1:" + server.address().getPort() + " as dave");
    Awaitility.await().atMost(JavaProcess.PATIENCE).until(() -> server.members().contains("dave"));
    dave.type("quit");
    assertThat(dave.awaitExit()).isZero();
  }

  @Test
  void discoverListsEveryServerThatAnswersAndSeveralAreAChoice() throws Exception {
    ChatServer kitchen = serverWithRoom("kitchen");
    ChatServer attic = serverWithRoom("attic");

    Run run = command(discovering("--discover"));
    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "127.0.0.1:"
                + kitchen.address().getPort()
                + "  kitchen  key "
                + kitchen.fingerprint().shortForm())
        .contains(
            "127.0.0.1:"
                + attic.address().getPort()
                + "  attic  key "
                + attic.fingerprint().shortForm());

    JavaProcess erin =
        JavaProcess.start(
            List.of("-Dudpchat.home=" + home),
            ChatClientCommand.class,
            discovering("--plain", "--name", "erin"));
    running.add(erin);
    erin.awaitOutput("several chat servers answered");
    String atticLine = erin.awaitOutput("  attic");
    erin.type(atticLine.substring(atticLine.indexOf("-- ") + 3, atticLine.indexOf(')')));
    Awaitility.await().atMost(JavaProcess.PATIENCE).until(() -> attic.members().contains("erin"));
    assertThat(kitchen.members()).doesNotContain("erin");
  }

  /**
   * The key a discovery reply names is the one the handshake must show: a reply that names another
   * (a host answering for the server, or a server that changed its key in between) is refused
   * before anything of the room is shown.
   */
  @Test
  void aHandshakeThatShowsAnotherKeyThanDiscoveryGaveIsRefused() throws Exception {
    Fingerprint other = Fingerprint.of(X25519.generate().publicKey());
    ChatServer server = serverWithRoom("kitchen", other);
    JavaProcess frank =
        JavaProcess.start(
            List.of("-Dudpchat.home=" + home),
            ChatClientCommand.class,
            discovering("--plain", "--name", "frank"));
    running.add(frank);
    String refusal =
        frank.awaitOutput("REFUSED: the server at 127.0.0.1:" + server.address().getPort());
    assertThat(refusal)
        .contains("shows key " + server.fingerprint(), "not " + other, "discovery reply");
    assertThat(server.members()).isEmpty();
    assertThat(home.resolve("known_servers")).doesNotExist();
    frank.type("quit");
    assertThat(frank.awaitExit()).isZero();
  }

  @Test
  void theServerProgramAnswersWithItsRoomUnlessToldNotTo() throws Exception {
    try (DatagramSocket unused = new DatagramSocket(0)) {
      discoveryPort = unused.getLocalPort();
    }
    Path logging = home.resolve("logback.xml");
    Files.writeString(
        logging,
        "<configuration><appender name='OUT' class='ch.qos.logback.core.ConsoleAppender'>"
            + "<encoder><pattern>%level %msg%n</pattern></encoder></appender>"
            + "<root level='INFO'><appender-ref ref='OUT'/></root></configuration>");
    JavaProcess quiet = server(logging, "--room", "cellar", "--no-discovery");
    quiet.awaitOutput("listening on");
    assertThat(command(discovering("--discover")).status()).as("nobody answers").isEqualTo(1);

    JavaProcess attic = server(logging, "--room", "attic");
    attic.awaitOutput("answering discovery on");
    Run run = command(discovering("--discover"));
    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("  attic").doesNotContain("cellar");
  }

  @Test
  void aPrivateRoomIsFoundAndJoinedOnlyWithItsKey() throws Exception {
    try (DatagramSocket unused = new DatagramSocket(0)) {
      discoveryPort = unused.getLocalPort();
    }
    Path logging = home.resolve("logback.xml");
    Files.writeString(
        logging,
        "<configuration><appender name='OUT' class='ch.qos.logback.core.ConsoleAppender'>"
            + "<encoder><pattern>%level %msg%n</pattern></encoder></appender>"
            + "<root level='INFO'><appender-ref ref='OUT'/></root></configuration>");
    Path key = Files.writeString(home.resolve("attic.key"), "up the ladder, mind the step\n");
    JavaProcess attic = server(logging, "--room", "attic", "--room-key-file", key.toString());
    attic.awaitOutput("private room: the handshake is sealed with the room key");
    attic.awaitOutput("answering discovery on");
    server(logging, "--room", "kitchen").awaitOutput("answering discovery on");

    Run keyless = command(discovering("--discover"));
    assertThat(keyless.out()).contains("  kitchen").doesNotContain("attic");
    Run keyed = command(discovering("--discover", "--room-key-file", key.toString()));
    assertThat(keyed.status()).as(keyed.err()).isZero();
    assertThat(keyed.out()).contains("  attic").doesNotContain("kitchen");
    Run wrong = command(discovering("--discover", "--room-key", "down the ladder"));
    assertThat(wrong.status()).isEqualTo(1);
    assertThat(wrong.err()).contains("with a room key, only servers with the same key answer");

    JavaProcess dave =
        JavaProcess.start(
            List.of("-Dudpchat.home=" + home),
            ChatClientCommand.class,
            discovering("--plain", "--name", "dave", "--room-key-file", key.toString()));
    running.add(dave);
    dave.awaitOutput("joined 127.0.0.1:");
    attic.awaitOutput("dave joined from");
    dave.type("quit");
    assertThat(dave.awaitExit()).isZero();
  }

  JavaProcess server(Path logging, String... options) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of("--bind", "127.0.0.1", "--port", "0", "--discovery-port", "" + discoveryPort));
    args.addAll(List.of(options));
    JavaProcess server =
        JavaProcess.start(
            // Each room in its own folder under the test's home, never the user's.
            List.of("-Dlogback.configurationFile=" + logging, "-Dudpchat.home=" + home),
            ChatServerCommand.class,
            args.toArray(String[]::new));
    running.add(server);
    return server;
  }

  @Test
  void noAnswerSaysHowToGiveTheHost() throws Exception {
    try (DatagramSocket unused = new DatagramSocket(0)) {
      discoveryPort = unused.getLocalPort(); // nobody answers here
    }
    Run listed = command(discovering("--discover"));
    assertThat(listed.status()).isEqualTo(1);
    assertThat(listed.err()).contains("no chat server answered", "--host HOST");

    Run joining = command(discovering("--plain", "--name", "dave"));
    assertThat(joining.status()).isEqualTo(1);
    assertThat(joining.err())
        .contains("no chat server answered on UDP port " + discoveryPort, LOOPBACK_BROADCAST)
        .contains("give the server's address with --host HOST");
  }
}
