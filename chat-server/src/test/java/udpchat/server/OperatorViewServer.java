package udpchat.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import udpchat.net.Faults;

/**
 * A real chat server on a free loopback port with its operator's view (HTTP on another free port),
 * for the tests of what the operator sees; closes both.
 */
final class OperatorViewServer implements AutoCloseable {

  final ChatServer server;
  final OperatorView view;
  final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** With its journal in {@code data}, or none when null. */
  OperatorViewServer(Path data) throws Exception {
    this(data, Duration.ofSeconds(15));
  }

  OperatorViewServer(Path data, Duration timeout) throws Exception {
    ServerConfig config =
        new ServerConfig(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            timeout,
            Duration.ofMillis(200),
            ServerConfig.DEFAULT_HISTORY,
            ServerConfig.DEFAULT_BACKLOG,
            data,
            Faults.NONE,
            ServerConfig.DEFAULT_MAX_MEMBERS,
            ServerConfig.DEFAULT_MAX_PER_ADDRESS,
            ServerConfig.DEFAULT_RATE_LIMIT,
            ServerConfig.DEFAULT_BURST,
            null);
    this.server = new ChatServer(config, Clock.systemUTC()).start();
    try {
      this.view =
          OperatorView.start(
              server,
              "test-room",
              new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
              null,
              HttpOptions.MAX_CONNECTIONS);
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    this.base = URI.create("http://127.0.0.1:" + view.address().getPort() + "/");
  }

  InetSocketAddress udp() throws IOException {
    return server.address();
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  String body(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new AssertionError(path + ": " + response.statusCode() + " " + response.body());
    }
    return response.body();
  }

  @Override
  public void close() throws Exception {
    CloseAll.inOrder(view, server);
  }
}
