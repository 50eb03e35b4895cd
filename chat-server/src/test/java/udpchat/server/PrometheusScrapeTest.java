package udpchat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import udpchat.protocol.Ping;
import udpchat.protocol.Welcome;

/**
 * A real Prometheus (Debian's {@code prometheus}, run by this test with a scrape config of its own)
 * scrapes a real server every second; its query API must find {@code udpchat_members} equal to the
 * members really in the room, and {@code promtool} must accept the exposition.
 */
@Timeout(120)
class PrometheusScrapeTest {

  static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");

  @TempDir Path temp;
  OperatorViewServer served;
  Process prometheus;
  final List<RawPeer> peers = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(20, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    peers.forEach(RawPeer::close);
    if (served != null) {
      served.close();
    }
  }

  @Test
  void prometheusScrapesTheMembersCount() throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(PROMETHEUS),
        "skipped: no /usr/bin/prometheus (apt-get install prometheus; .ci/run installs it)");
    served = new OperatorViewServer(null);
    List<Welcome> welcomes = new ArrayList<>();
    for (String name : List.of("ann", "bob", "cy")) {
      RawPeer peer = new RawPeer("127.0.0.1", served.udp());
      peers.add(peer);
      welcomes.add(peer.join(name));
    }
    Promtool.assertAccepts(served.body("metrics"));

    int port = freePort();
    Path config =
        Files.writeString(
            temp.resolve("prometheus.yml"),
            "global:\n"
                + "  scrape_interval: 1s\n"
                + "  evaluation_interval: 1s\n"
                + "scrape_configs:\n"
                + "  - job_name: udpchat\n"
                + "    scrape_interval: 1s\n"
                + "    scrape_timeout: 1s\n"
                + "    static_configs:\n"
                + "      - targets: ['127.0.0.1:"
                + served.base.getPort()
                + "']\n");
    prometheus =
        new ProcessBuilder(
                PROMETHEUS.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + temp.resolve("tsdb"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(temp.resolve("prometheus.log").toFile())
            .start();

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI query =
        URI.create(
            "http://127.0.0.1:"
                + port
                + "/api/v1/query?query="
                + URLEncoder.encode("sum(udpchat_members)", StandardCharsets.UTF_8));
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              for (int i = 0; i < peers.size(); i++) {
                peers.get(i).send(new Ping(welcomes.get(i).session(), 1)); // still here
              }
              String answer =
                  http.send(
                          HttpRequest.newBuilder(query).timeout(Duration.ofSeconds(5)).build(),
                          HttpResponse.BodyHandlers.ofString())
                      .body();
              assertThat(answer)
                  .as("Prometheus said (its log: %s)", temp.resolve("prometheus.log"))
                  .contains("\"status\":\"success\"")
                  .containsPattern(
                      "\"value\":\\[[0-9.]+,\"" + served.server.members().size() + "\"\\]");
            });
    assertThat(served.server.members()).hasSize(3);
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
