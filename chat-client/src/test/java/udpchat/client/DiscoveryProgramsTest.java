package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpchat.cli.CommandLines;
import udpchat.server.ChatServerCommand;

/**
 * Discovery through the real programs, on this host's loopback and its LAN address (requests are
 * sent to those two addresses only, on a port of the test's own): a server is listed once however
 * many of its addresses answer, a client joins it when it is the only one, and a server bound to
 * 127.0.0.1 answers nobody on the LAN.
 */
@Timeout(90)
public class DiscoveryProgramsTest {

  @TempDir Path home;

  final List<AutoCloseable> running = new ArrayList<>();
  InetAddress lan;
  int discoveryPort;

  @BeforeEach
  void lanAddressAndPort() throws Exception {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address) {
            lan = address;
          }
        }
      }
    }
    Assumptions.assumeTrue(lan != null, "skipped: this host has no interface but loopback");
    try (DatagramSocket unused = new DatagramSocket(0)) {
      discoveryPort = unused.getLocalPort();
    }
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
  }

  JavaProcess server(String bind) throws Exception {
    JavaProcess server =
        JavaProcess.start(
            List.of(JavaProcess.consoleLogging(home), "-Dudpchat.home=" + home),
            ChatServerCommand.class,
            "--bind",
            bind,
            "--port",
            "0",
            "--discovery-port",
            "" + discoveryPort);
    running.add(server);
    server.awaitOutput("answering discovery on");
    return server;
  }

  /** The discovery options: ask this host on loopback and on its LAN address. */
  List<String> bothAddresses() {
    return List.of(
        "--discover-to",
        "127.0.0.1," + lan.getHostAddress(),
        "--discovery-port",
        "" + discoveryPort);
  }

  String discover(int expectedStatus) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> args = new ArrayList<>(bothAddresses());
    args.add("--discover");
    int status =
        CommandLines.of(new ChatClientCommand())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(err))
            .execute(args.toArray(String[]::new));
    assertThat(status).as(err.toString()).isEqualTo(expectedStatus);
    return out.toString();
  }

  @Test
  void aServerHeardOnTwoAddressesIsListedOnceAndJoined() throws Exception {
    JavaProcess server = server("0.0.0.0");
    String port =
        server.awaitOutput("listening on *:").replaceAll(".*listening on \\*:(\\d+).*", "$1");
    String key = server.awaitOutput("short form ").replaceAll(".*short form ([a-z2-7-]+).*", "$1");

    assertThat(discover(0).lines())
        .hasSize(1)
        .first()
        .asString()
        .endsWith(":" + port + "  udpchat  key " + key);

    List<String> args = new ArrayList<>(bothAddresses());
    args.addAll(List.of("--plain", "--name", "dave"));
    JavaProcess dave =
        JavaProcess.start(
            List.of("-Dudpchat.home=" + home),
            ChatClientCommand.class,
            args.toArray(String[]::new));
    running.add(dave);
    dave.awaitOutput(":" + port + " as dave"); // joined, never asked which of "several"
    assertThat(dave.output).noneMatch(line -> line.contains("several chat servers"));
    dave.type("quit");
    assertThat(dave.awaitExit()).isZero();
  }

  @Test
  void aServerBoundToLoopbackAnswersThisHostOnly() throws Exception {
    server("127.0.0.1");
    assertThat(discover(0).lines()).singleElement().asString().startsWith("127.0.0.1:");

    StringWriter out = new StringWriter();
    int status =
        CommandLines.of(new ChatClientCommand())
            .setOut(new PrintWriter(out))
            .setErr(new PrintWriter(new StringWriter()))
            .execute(
                "--discover-to",
                lan.getHostAddress(),
                "--discovery-port",
                "" + discoveryPort,
                "--discover");
    assertThat(status).as("asked on the LAN address only: nobody answers").isEqualTo(1);
    assertThat(out.toString()).isEmpty();
  }
}
