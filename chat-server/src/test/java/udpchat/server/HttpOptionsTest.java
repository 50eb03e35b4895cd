package udpchat.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import udpchat.cli.CommandLines;
import udpchat.server.room.RoomSnapshot;

/** --http and --http-token-file: the usage errors, and a real server's /api/stats over HTTP. */
@Timeout(30)
class HttpOptionsTest {

  final StringWriter err = new StringWriter();

  int run(String... args) {
    return CommandLines.of(new ChatServerCommand())
        .setOut(new PrintWriter(new StringWriter()))
        .setErr(new PrintWriter(err))
        .execute(args);
  }

  @Test
  void aNonLoopbackAddressWithoutATokenIsOneLineAndAHint() {
    assertThat(run("--port", "0", "--http", "0.0.0.0:0")).isEqualTo(2);
    assertThat(err.toString().lines())
        .containsExactly(
            "chat-server: --http 0.0.0.0:0 is not a loopback address: it needs --http-token-file"
                + " FILE (a bearer token)",
            "try --help for the options");
  }

  @Test
  void notAnAddressAndPortIsOneLineAndAHint() {
    assertThat(run("--port", "0", "--http", "localhost")).isEqualTo(2);
    assertThat(err.toString().lines())
        .containsExactly(
            "chat-server: --http localhost: not ADDR:PORT (a port 0 to 65535) or off",
            "try --help for the options");
  }

  @Test
  void anEmptyTokenFileIsRefused(@TempDir Path dir) throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "\n");
    assertThat(run("--port", "0", "--http-token-file", token.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("the file's first line is empty");
  }

  @Test
  void offAndTheDefault() {
    CommandLine.Model.CommandSpec spec = CommandLines.of(new ChatServerCommand()).getCommandSpec();
    assertThat(HttpOptions.parse(spec, "off", null).enabled()).isFalse();
    HttpOptions byDefault = HttpOptions.parse(spec, null, null);
    assertThat(byDefault.enabled()).isTrue();
    assertThat(byDefault.address()).isNull(); // 127.0.0.1 and the UDP port, once it is bound
    assertThatThrownBy(() -> HttpOptions.parse(spec, "127.0.0.1:99999", null))
        .isInstanceOf(ParameterException.class)
        .hasMessageContaining("not ADDR:PORT");
  }

  @Test
  void membersAreNamesInWhoOrderEscaped() {
    assertThat(StatusJson.members(new RoomSnapshot(List.of("ann", "b\"<i>\\"), 7, 0, 0)))
        .isEqualTo(
            "{\"count\":2,\"names\":[\"ann\",\"b\\u0022\\u003ci\\u003e\\u005c\"],\"members\":[]}");
    assertThat(StatusJson.members(new RoomSnapshot(List.of(), 0, 0, 0)))
        .isEqualTo("{\"count\":0,\"names\":[],\"members\":[]}");
  }

  @Test
  void aRealServersStatsOverHttpWithItsToken(@TempDir Path dir) throws Exception {
    Path tokenFile = Files.writeString(dir.resolve("token"), "t0ken-for-the-test\n");
    CommandLine.Model.CommandSpec spec = CommandLines.of(new ChatServerCommand()).getCommandSpec();
    HttpOptions options = HttpOptions.parse(spec, "127.0.0.1:0", tokenFile);
    ServerConfig config =
        new ServerConfig(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            Duration.ofSeconds(15),
            Duration.ofSeconds(1));
    try (ChatServer server = new ChatServer(config, Clock.systemUTC()).start();
        OperatorView web = options.start(server, "udpchat", new PrintWriter(err))) {
      HttpClient client = HttpClient.newHttpClient();
      URI stats = URI.create("http://127.0.0.1:" + web.address().getPort() + "/api/stats");
      HttpResponse<String> refused =
          client.send(HttpRequest.newBuilder(stats).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(401);
      HttpResponse<String> answered =
          client.send(
              HttpRequest.newBuilder(stats)
                  .header("Authorization", "Bearer t0ken-for-the-test")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answered.statusCode()).isEqualTo(200);
      HttpResponse<String> members =
          client.send(
              HttpRequest.newBuilder(stats.resolve("/api/members"))
                  .header("Authorization", "Bearer t0ken-for-the-test")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(members.body()).isEqualTo("{\"count\":0,\"names\":[],\"members\":[]}");
      assertThat(answered.body())
          .startsWith("{\"room\":\"udpchat\",\"private\":false,")
          .contains(
              "\"members\":0,",
              "\"epoch\":" + server.epoch(),
              "\"journal\":{\"events\":0",
              "\"receiveBufferBytes\":");
    }
  }
}
