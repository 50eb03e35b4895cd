package udpchat.server.web;

import java.nio.charset.StandardCharsets;

/**
 * What a route answers: a status, a content type and the whole body, made before the first byte is
 * written (one request per connection, so the length is known and sent).
 */
public record Response(int status, String contentType, byte[] body) {

  public static final String JSON = "application/json; charset=utf-8";

  /** A 200 with a JSON body. */
  public static Response json(String body) {
    return json(200, body);
  }

  public static Response json(int status, String body) {
    return new Response(status, JSON, body.getBytes(StandardCharsets.UTF_8));
  }
}
