package udpchat.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import udpchat.server.web.Cached;
import udpchat.server.web.History;
import udpchat.server.web.HttpListener;
import udpchat.server.web.Response;
import udpchat.server.web.StaticAssets;

/**
 * The operator's view of a running {@link ChatServer}: the status page ({@code /}), its JSON
 * ({@code /api/stats}, {@code /api/members}, {@code /api/history}), {@code /metrics} and {@code
 * /health}, served by one {@link HttpListener}, and the {@link History} its charts are drawn from.
 * It owns both, starts them and closes them.
 */
final class OperatorView implements AutoCloseable {

  private final History history;
  private final HttpListener listener;

  private OperatorView(History history, HttpListener listener) {
    this.history = history;
    this.listener = listener;
  }

  /** Started on {@code bind}; nothing is left running when it throws. */
  static OperatorView start(
      ChatServer server, String roomName, InetSocketAddress bind, String token, int maxConnections)
      throws IOException {
    ServerReadings readings = server.readings();
    History history = new History(() -> StatusJson.chartCounters(readings), 1000).start();
    try {
      HttpListener listener =
          new HttpListener(
                  bind,
                  routes(server, roomName, history),
                  token,
                  maxConnections,
                  HttpOptions.HEAD_TIMEOUT)
              .start();
      return new OperatorView(history, listener);
    } catch (IOException | RuntimeException e) {
      try {
        history.close();
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
      throw e;
    }
  }

  /**
   * What is served: each route asks the room thread for a snapshot, or reads thread-safe counters.
   */
  static Map<String, Supplier<Response>> routes(
      ChatServer server, String roomName, History history) {
    ServerReadings readings = server.readings();
    ServerMetrics metrics = new ServerMetrics(readings, server::roomSnapshot);
    Map<String, Supplier<Response>> routes = new HashMap<>(StaticAssets.routes());
    routes.put(
        "/api/stats",
        cached(() -> Response.json(StatusJson.stats(roomName, server.roomSnapshot(), readings))));
    routes.put(
        "/api/members", cached(() -> Response.json(StatusJson.members(server.roomSnapshot()))));
    routes.put("/api/history", () -> Response.json(history.json()));
    routes.put("/metrics", cached(metrics::scrape));
    routes.put("/health", () -> StatusJson.health(readings)); // cheap, and always fresh
    return routes;
  }

  /**
   * The routes that ask the room or collect metrics answer at most this often; see {@link Cached}.
   */
  static final Duration MAX_AGE = Duration.ofMillis(200);

  private static Supplier<Response> cached(Supplier<Response> route) {
    return new Cached(route, MAX_AGE.toNanos(), System::nanoTime);
  }

  /** The address listened on. */
  InetSocketAddress address() {
    return listener.address();
  }

  @Override
  public void close() throws Exception {
    CloseAll.inOrder(listener, history);
  }
}
