package udpchat.bench.measure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The chat server's own counts of the datagrams it dropped, by reason: the {@code drops} object of
 * its {@code /api/stats} (docs/HTTP.md), read over HTTP on loopback, at the TCP port of its UDP
 * port's number, where a server started without {@code --http} serves it.
 */
public final class ServerStats {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ServerStats() {}

  /** The drops by reason so far, or null when the server does not answer. */
  public static Map<String, Long> drops(InetSocketAddress http) {
    try {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      "http://"
                          + http.getAddress().getHostAddress()
                          + ":"
                          + http.getPort()
                          + "/api/stats"))
              .timeout(Duration.ofSeconds(10))
              .build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? dropsOf(response.body()) : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** The {@code drops} of an {@code /api/stats} document; null without one. */
  static Map<String, Long> dropsOf(String stats) throws IOException {
    JsonNode drops = JSON.readTree(stats).path("drops");
    if (!drops.isObject()) {
      return null;
    }
    Map<String, Long> byReason = new TreeMap<>();
    drops
        .fields()
        .forEachRemaining(field -> byReason.put(field.getKey(), field.getValue().asLong()));
    return byReason;
  }

  /** What {@code after} counted more than {@code before}, reasons with none left out. */
  public static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
    if (before == null || after == null) {
      return null;
    }
    Map<String, Long> delta = new TreeMap<>();
    after.forEach(
        (reason, count) -> {
          long more = count - before.getOrDefault(reason, 0L);
          if (more > 0) {
            delta.put(reason, more);
          }
        });
    return delta;
  }
}
