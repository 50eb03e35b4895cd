package udpchat.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The listener on loopback, asked by the JDK's HTTP client and by raw sockets that misbehave. */
@Timeout(30)
class HttpListenerTest {

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private HttpListener listener(String token, int maxConnections) throws Exception {
    HttpListener listener =
        new HttpListener(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                Map.of("/api/stats", () -> Response.json("{\"members\":3}")),
                token,
                maxConnections,
                Duration.ofMillis(500))
            .start();
    open.add(listener);
    return listener;
  }

  private HttpResponse<String> get(HttpListener listener, String path, String authorization)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + listener.address().getPort() + path))
            .timeout(Duration.ofSeconds(10));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesARouteAndNothingElse() throws Exception {
    HttpListener listener = listener(null, 8);
    HttpResponse<String> stats = get(listener, "/api/stats", null);
    assertThat(stats.statusCode()).isEqualTo(200);
    assertThat(stats.body()).isEqualTo("{\"members\":3}");
    assertThat(stats.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(get(listener, "/nope", null).statusCode()).isEqualTo(404);
  }

  @Test
  void aTokenIsNeededWhenOneIsSet() throws Exception {
    HttpListener listener = listener("s3cret-token", 8);
    assertThat(get(listener, "/api/stats", null).statusCode()).isEqualTo(401);
    assertThat(get(listener, "/api/stats", "Bearer wrong").statusCode()).isEqualTo(401);
    assertThat(get(listener, "/api/stats", "Bearer s3cret-tokeN").statusCode()).isEqualTo(401);
    HttpResponse<String> ok = get(listener, "/api/stats", "Bearer s3cret-token");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("members");
  }

  @Test
  void aHugeHeadIsRefused() throws Exception {
    HttpListener listener = listener(null, 8);
    try (Socket raw = new Socket(InetAddress.getLoopbackAddress(), listener.address().getPort())) {
      OutputStream out = raw.getOutputStream();
      out.write(
          ("GET /api/stats HTTP/1.1\r\nX-Big: " + "a".repeat(3 * HttpListener.MAX_HEAD_BYTES))
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      String answer = new String(raw.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
      assertThat(answer).startsWith("HTTP/1.1 431 ");
    }
    assertThat(get(listener, "/api/stats", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aSlowlorisIsCutOffAndOthersAreServedMeanwhile() throws Exception {
    HttpListener listener = listener(null, 8);
    try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), listener.address().getPort())) {
      slow.getOutputStream().write("GET /api/stats HTTP/1.1\r\nX-Slow: ".getBytes());
      slow.getOutputStream().flush();
      // Served while the slow one holds its connection.
      assertThat(get(listener, "/api/stats", null).statusCode()).isEqualTo(200);
      InputStream in = slow.getInputStream();
      slow.setSoTimeout(20_000);
      assertThat(in.read()).as("the server closed the unfinished request").isEqualTo(-1);
    }
  }

  @Test
  void connectionsBeyondTheCapAreClosedAndTheListenerRecovers() throws Exception {
    HttpListener listener = listener(null, 4);
    List<Socket> hogs = new ArrayList<>();
    try {
      for (int i = 0; i < 20; i++) {
        hogs.add(new Socket(InetAddress.getLoopbackAddress(), listener.address().getPort()));
      }
      // Over the cap: some are closed unanswered at once.
      long closed = 0;
      for (Socket hog : hogs) {
        hog.setSoTimeout(20_000);
        if (hog.getInputStream().read() == -1) {
          closed++;
        }
      }
      assertThat(closed).isEqualTo(hogs.size()); // the excess at once, the rest at the timeout
    } finally {
      for (Socket hog : hogs) {
        hog.close();
      }
    }
    assertThat(get(listener, "/api/stats", null).statusCode()).isEqualTo(200);
  }
}
