package udpchat.server.web;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's HTTP side: GET requests on TCP, answered from a few bounded threads of its own, so
 * a slow or hostile HTTP client costs these threads at most and never the chat's.
 *
 * <p>Not the JDK's {@code com.sun.net.httpserver}: on JDK 17 it has no cap on connections, and its
 * time limits are JVM-wide system properties read once. Here every limit is an argument: at most
 * {@code maxConnections} open (more are closed at once), a request head of at most {@link
 * #MAX_HEAD_BYTES} (431 beyond), read within {@code headTimeout} (a slowloris is cut off), one
 * request per connection. The routes are suppliers of {@link Response}s; they ask the room thread
 * for snapshots and read thread-safe counters, never the room's state.
 */
public final class HttpListener implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(HttpListener.class);

  /** The request line and headers together; a browser's are well under 2 KB. */
  public static final int MAX_HEAD_BYTES = 8192;

  /** Threads that answer; the acceptor only counts and hands over. */
  static final int THREADS = 4;

  private final ServerSocket socket;
  private final Map<String, Supplier<Response>> routes;
  private final byte[] token;
  private final Duration headTimeout;
  private final Semaphore connections;
  private final ThreadPoolExecutor workers;
  private final Thread acceptor;

  /**
   * @param routes path to the supplier of its answer
   * @param token the bearer token every request must carry, or null (loopback only)
   */
  public HttpListener(
      InetSocketAddress bind,
      Map<String, Supplier<Response>> routes,
      String token,
      int maxConnections,
      Duration headTimeout)
      throws IOException {
    this.socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(bind, maxConnections);
    this.routes = Map.copyOf(routes);
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    this.headTimeout = headTimeout;
    this.connections = new Semaphore(maxConnections);
    AtomicInteger n = new AtomicInteger();
    // The queue holds as many as may be open, so an accepted connection always finds a place.
    this.workers =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(maxConnections),
            r -> {
              Thread t = new Thread(r, "udpchat-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.acceptor = new Thread(this::acceptLoop, "udpchat-http-accept");
    acceptor.setDaemon(true);
  }

  public HttpListener start() {
    acceptor.start();
    return this;
  }

  /** The address listened on, with the port the kernel picked when 0 was asked. */
  public InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        if (!socket.isClosed()) {
          log.warn("HTTP accept failed: {}", e.toString());
        }
        continue;
      }
      if (!connections.tryAcquire()) {
        closeQuietly(client); // over the cap: the cheapest answer is none
        continue;
      }
      try {
        workers.execute(() -> serve(client));
      } catch (RejectedExecutionException e) {
        connections.release();
        closeQuietly(client);
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      long deadlineNs = System.nanoTime() + headTimeout.toNanos();
      client.setSoTimeout((int) Math.max(1, headTimeout.toMillis()));
      Head head = readHead(client, deadlineNs);
      OutputStream out = client.getOutputStream();
      if (head == null) {
        respond(out, 431, "{\"error\":\"request head too large\"}", "");
        return;
      }
      if (token != null && !authorized(head.authorization)) {
        respond(out, 401, "{\"error\":\"unauthorized\"}", "WWW-Authenticate: Bearer\r\n");
        return;
      }
      if (!head.method.equals("GET")) {
        respond(out, 405, "{\"error\":\"only GET\"}", "Allow: GET\r\n");
        return;
      }
      Supplier<Response> route = routes.get(head.path);
      if (route == null) {
        respond(out, 404, "{\"error\":\"not found\"}", "");
        return;
      }
      Response response;
      try {
        response = route.get();
      } catch (RuntimeException e) {
        respond(out, 503, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}", "");
        return;
      }
      respond(out, response, "");
    } catch (SocketTimeoutException e) {
      // A client that never finished its request: cut off, nothing said.
    } catch (IOException e) {
      // The client went away; nothing to tell it.
    } finally {
      connections.release();
    }
  }

  private boolean authorized(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return false;
    }
    byte[] given = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, token); // constant time for tokens of equal length
  }

  /** The request head, or null when it is larger than {@link #MAX_HEAD_BYTES}. */
  private static Head readHead(Socket client, long deadlineNs) throws IOException {
    // Buffered: read byte by byte from the socket, a head would cost a system call a byte (an 8 KiB
    // one, 8192). One request per connection, so what the buffer reads beyond the head is unused.
    InputStream in = new BufferedInputStream(client.getInputStream(), 2048);
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0; // the last four bytes read: the head ends with CR LF CR LF
    while (last4 != 0x0d0a0d0a) {
      if (System.nanoTime() - deadlineNs > 0) {
        throw new SocketTimeoutException("request head not finished in time");
      }
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before the end of the head");
      }
      if (head.size() >= MAX_HEAD_BYTES) {
        return null;
      }
      head.write(b);
      last4 = (last4 << 8) | b;
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    String[] request = lines[0].split(" ");
    if (request.length != 3) {
      throw new IOException("not an HTTP request line");
    }
    String authorization = null;
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0 && lines[i].substring(0, colon).trim().equalsIgnoreCase("Authorization")) {
        authorization = lines[i].substring(colon + 1).trim();
      }
    }
    String path = request[1];
    int query = path.indexOf('?');
    return new Head(request[0], query < 0 ? path : path.substring(0, query), authorization);
  }

  private static void respond(OutputStream out, int status, String body, String extraHeaders)
      throws IOException {
    respond(out, Response.json(status, body), extraHeaders);
  }

  private static void respond(OutputStream out, Response response, String extraHeaders)
      throws IOException {
    byte[] bytes = response.body();
    String head =
        "HTTP/1.1 "
            + response.status()
            + " "
            + reason(response.status())
            + "\r\nContent-Type: "
            + response.contentType()
            + "\r\nContent-Length: "
            + bytes.length
            + "\r\nCache-Control: no-store\r\nConnection: close\r\n"
            // The page loads its own script and style only: nothing injected could run.
            + "Content-Security-Policy: default-src 'self';\r\n"
            + "X-Content-Type-Options: nosniff\r\n"
            + extraHeaders
            + "\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes);
    out.flush();
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 401 -> "Unauthorized";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 431 -> "Request Header Fields Too Large";
      default -> "Service Unavailable";
    };
  }

  private static void closeQuietly(Socket client) {
    try {
      client.close();
    } catch (IOException e) {
      // nothing to do
    }
  }

  @Override
  public void close() throws InterruptedException {
    try {
      socket.close();
    } catch (IOException e) {
      log.warn("closing the HTTP socket: {}", e.toString());
    }
    acceptor.join(5000);
    workers.shutdownNow(); // open connections end with their sockets' timeouts at the latest
    workers.awaitTermination(5, TimeUnit.SECONDS);
  }

  private record Head(String method, String path, String authorization) {}
}
