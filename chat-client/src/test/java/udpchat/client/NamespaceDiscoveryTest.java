package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpchat.server.ChatServerCommand;

/**
 * Discovery with the defaults, as on a real LAN, between two network namespaces the test makes
 * itself: a server in one, a client without {@code --host} or {@code --discover-to} in the other,
 * joined by a veth pair on 10.213.0.0/24. The client broadcasts to every address it would on a LAN
 * (255.255.255.255, the interface's 10.213.0.255, 127.255.255.255), but its namespace has no other
 * way out, so nothing leaves the test's own two namespaces. The default ports (9999, 9998) are free
 * there. Runs only as root with {@code ip netns}; skipped otherwise.
 */
@Timeout(90)
public class NamespaceDiscoveryTest {

  @TempDir Path folder;

  private final String server = "udpchat-" + ProcessHandle.current().pid() + "-s";
  private final String client = "udpchat-" + ProcessHandle.current().pid() + "-c";
  private final List<JavaProcess> processes = new ArrayList<>();
  private boolean made;

  @BeforeEach
  void makeTheNamespaces() throws Exception {
    assumeTrue(
        new File("/proc/self/ns/net").exists() && "root".equals(System.getProperty("user.name")),
        "needs root to make network namespaces");
    assumeTrue(ip("netns", "add", server) == 0, "ip netns add failed: no namespaces here");
    made = true;
    String veth = "uc" + ProcessHandle.current().pid() % 100000;
    require(ip("netns", "add", client));
    require(ip("link", "add", veth + "s", "type", "veth", "peer", "name", veth + "c"));
    require(ip("link", "set", veth + "s", "netns", server));
    require(ip("link", "set", veth + "c", "netns", client));
    require(ip("-n", server, "addr", "add", "10.213.0.1/24", "broadcast", "+", "dev", veth + "s"));
    require(ip("-n", client, "addr", "add", "10.213.0.2/24", "broadcast", "+", "dev", veth + "c"));
    for (String[] up :
        new String[][] {
          {server, veth + "s"}, {client, veth + "c"}, {server, "lo"}, {client, "lo"}
        }) {
      require(ip("-n", up[0], "link", "set", up[1], "up"));
    }
  }

  @AfterEach
  void removeThem() throws Exception {
    for (JavaProcess process : processes) {
      process.close();
    }
    if (made) {
      ip("netns", "del", server); // takes the veth pair with it
      ip("netns", "del", client);
    }
  }

  @Test
  void aClientWithNoOptionsFindsTheServerOnItsLan() throws Exception {
    Path logging = folder.resolve("logback.xml");
    Files.writeString(
        logging,
        "<configuration><appender name='OUT' class='ch.qos.logback.core.ConsoleAppender'>"
            + "<encoder><pattern>%level %msg%n</pattern></encoder></appender>"
            + "<root level='INFO'><appender-ref ref='OUT'/></root></configuration>");
    JavaProcess chat =
        JavaProcess.start(
            List.of("ip", "netns", "exec", server),
            List.of("-Dlogback.configurationFile=" + logging),
            ChatServerCommand.class,
            "--room",
            "lan");
    processes.add(chat);
    chat.awaitOutput("answering discovery on");

    JavaProcess listing =
        JavaProcess.start(
            List.of("ip", "netns", "exec", client),
            List.of("-Dudpchat.home=" + folder),
            ChatClientCommand.class,
            "--discover");
    processes.add(listing);
    listing.awaitOutput("10.213.0.1:9999  lan");
    assertThat(listing.awaitExit()).isZero();

    JavaProcess dave =
        JavaProcess.start(
            List.of("ip", "netns", "exec", client),
            List.of("-Dudpchat.home=" + folder),
            ChatClientCommand.class,
            "--plain",
            "--name",
            "dave");
    processes.add(dave);
    dave.awaitOutput("joined 10.213.0.1:9999 as dave");
    chat.awaitOutput("dave joined from 10.213.0.2:");
    dave.type("quit");
    assertThat(dave.awaitExit()).isZero();
  }

  private static int ip(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("ip"));
    command.addAll(List.of(args));
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      return -1; // no ip command
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  private static void require(int status) {
    assertThat(status).as("an ip command setting up the namespaces").isZero();
  }
}
