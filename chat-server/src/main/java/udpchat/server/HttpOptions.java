package udpchat.server;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import udpchat.net.Addresses;

/**
 * {@code --http} and {@code --http-token-file}, checked before anything starts, and the {@link
 * OperatorView} they ask for over a running {@link ChatServer}.
 *
 * @param address where to listen, or null for 127.0.0.1 and the UDP port's number
 * @param enabled false for {@code --http off}
 * @param token the bearer token, or null
 */
record HttpOptions(InetSocketAddress address, boolean enabled, String token) {

  private static final Logger log = LoggerFactory.getLogger(ChatServer.class);

  /** Connections open at once; more are closed unanswered. */
  static final int MAX_CONNECTIONS = 32;

  /** A request head not read in this time is cut off (a slowloris holds a thread no longer). */
  static final Duration HEAD_TIMEOUT = Duration.ofSeconds(5);

  static HttpOptions parse(CommandSpec spec, String http, Path tokenFile) {
    if ("off".equals(http)) {
      return new HttpOptions(null, false, null);
    }
    InetSocketAddress address = null;
    if (http != null) {
      int colon = http.lastIndexOf(':');
      int port = -1;
      try {
        port = colon < 0 ? -1 : Integer.parseInt(http.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 0 || port > 65535) {
        throw new ParameterException(
            spec.commandLine(), "--http " + http + ": not ADDR:PORT (a port 0 to 65535) or off");
      }
      try {
        String host = http.substring(0, colon).replace("[", "").replace("]", "");
        address = new InetSocketAddress(InetAddress.getByName(host), port);
      } catch (IOException e) {
        throw new ParameterException(
            spec.commandLine(), "--http " + http + ": unknown address (" + e.getMessage() + ")");
      }
    }
    String token = tokenFile == null ? null : readToken(spec, tokenFile);
    boolean loopback = address == null || address.getAddress().isLoopbackAddress();
    if (!loopback && token == null) {
      throw new ParameterException(
          spec.commandLine(),
          "--http "
              + http
              + " is not a loopback address: it needs --http-token-file FILE (a bearer token)");
    }
    return new HttpOptions(address, true, token);
  }

  private static String readToken(CommandSpec spec, Path file) {
    try {
      String token = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
      if (token.isBlank()) {
        throw new ParameterException(
            spec.commandLine(), "--http-token-file " + file + ": the file's first line is empty");
      }
      return token.strip();
    } catch (IOException e) {
      throw new ParameterException(
          spec.commandLine(), "--http-token-file " + file + ": cannot read it (" + e + ")");
    }
  }

  /**
   * The operator's view over {@code server} (room {@code roomName}), started; null when off, or
   * when its port cannot be had (then one line on {@code err}).
   */
  OperatorView start(ChatServer server, String roomName, PrintWriter err) throws IOException {
    if (!enabled) {
      return null;
    }
    InetSocketAddress bind =
        address != null
            ? address
            : new InetSocketAddress(InetAddress.getLoopbackAddress(), server.address().getPort());
    try {
      OperatorView view = OperatorView.start(server, roomName, bind, token, MAX_CONNECTIONS);
      if (!bind.getAddress().isLoopbackAddress()) {
        log.warn(
            "HTTP is open beyond this host on {}: every request needs the bearer token",
            Addresses.format(view.address()));
      }
      String at = "http://" + Addresses.format(view.address());
      log.info("status page on {}/ (metrics {}/metrics, health {}/health)", at, at, at);
      return view;
    } catch (BindException e) {
      err.println(
          "chat-server: cannot listen for HTTP on TCP "
              + Addresses.format(bind)
              + ": "
              + e.getMessage()
              + " (--http ADDR:PORT chooses another, --http off turns it off)");
      err.flush();
      return null;
    }
  }
}
