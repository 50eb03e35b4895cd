package udpchat.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The status page's files, read from the jar once at start and served as they are: every asset is
 * in the jar, so the page works on a LAN with no internet.
 */
public final class StaticAssets {

  /** Where the files are on the class path. */
  static final String FOLDER = "/udpchat/server/web/status/";

  private static final Map<String, String> TYPES =
      Map.of(
          "index.html", "text/html; charset=utf-8",
          "status.js", "text/javascript; charset=utf-8",
          "status.css", "text/css; charset=utf-8");

  private StaticAssets() {}

  /**
   * Path to answer: {@code /} is the page, {@code /status.js} and {@code /status.css} its parts.
   */
  public static Map<String, Supplier<Response>> routes() {
    Map<String, Supplier<Response>> routes = new HashMap<>();
    TYPES.forEach(
        (file, type) -> {
          Response response = new Response(200, type, read(file));
          routes.put(file.equals("index.html") ? "/" : "/" + file, () -> response);
        });
    return routes;
  }

  private static byte[] read(String file) {
    try (InputStream in = StaticAssets.class.getResourceAsStream(FOLDER + file)) {
      if (in == null) {
        throw new IllegalStateException("the jar lacks " + FOLDER + file);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
