package udpchat.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * A hostile HTTP client against a chat server's operator port, while the chat is measured ({@code
 * --http-attack}): a slowloris (many connections, each sending its request head a byte at a time),
 * a flood of requests answered one after the other as fast as they come, and request heads far over
 * the server's limit, each for three seconds in turn. It runs in a process of its own ({@code
 * udpchat.bench.target.HttpAttacker}), so that what it costs the machine is not taken from the
 * bench's members. Three threads ({@code bench-http-slowloris}, {@code bench-http-flood}, {@code
 * bench-http-big-heads}), started here and stopped by {@link #close}.
 */
public final class HttpAttack implements AutoCloseable {

  /** Slow connections kept open: more than the server's cap of 32. */
  static final int SLOW_CONNECTIONS = 48;

  /** A byte to one slow connection in turn this often, so each dribbles every few seconds. */
  static final long SLOW_BYTE_INTERVAL_MS = 50;

  private static final byte[] SLOW_HEAD =
      "GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1);

  /** How long each attack runs before the next takes its turn. */
  static final long PHASE_MS = 3000;

  private static final int SLOWLORIS = 0;
  private static final int FLOOD = 1;
  private static final int BIG_HEADS = 2;

  private final long startNs = System.nanoTime();
  private final InetSocketAddress http;

  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean stopping;
  private final LongAdder requests = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final LongAdder cutOff = new LongAdder();

  private HttpAttack(InetSocketAddress http) {
    this.http = http;
    threads.add(new Thread(this::slowloris, "bench-http-slowloris"));
    threads.add(new Thread(this::flood, "bench-http-flood"));
    threads.add(new Thread(this::bigHeads, "bench-http-big-heads"));
  }

  /** The attack on {@code http}, started. */
  public static HttpAttack start(InetSocketAddress http) {
    HttpAttack attack = new HttpAttack(http);
    attack.threads.forEach(Thread::start);
    return attack;
  }

  private void slowloris() {
    Socket[] slow = new Socket[SLOW_CONNECTIONS];
    int[] sent = new int[SLOW_CONNECTIONS];
    try {
      for (int turn = 0; !stopping; turn = (turn + 1) % SLOW_CONNECTIONS) {
        if (phase() != SLOWLORIS) {
          for (int i = 0; i < slow.length; i++) {
            closeQuietly(slow[i]); // its phase is over: the others may have the server
            slow[i] = null;
          }
          Thread.sleep(50);
          continue;
        }
        try {
          if (slow[turn] == null) {
            slow[turn] = new Socket(http.getAddress(), http.getPort());
            sent[turn] = 0;
          }
          OutputStream out = slow[turn].getOutputStream();
          out.write(sent[turn] < SLOW_HEAD.length ? SLOW_HEAD[sent[turn]] : 'a');
          out.flush();
          sent[turn]++;
        } catch (IOException e) {
          cutOff.increment(); // closed by the server (its cap or its head timeout): open again
          closeQuietly(slow[turn]);
          slow[turn] = null;
        }
        Thread.sleep(SLOW_BYTE_INTERVAL_MS / 4);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      for (Socket socket : slow) {
        closeQuietly(socket);
      }
    }
  }

  private void flood() {
    String[] paths = {"/api/stats", "/metrics", "/api/members", "/health", "/"};
    for (int i = 0; !stopping; i++) {
      if (!waitForPhase(FLOOD)) {
        continue;
      }
      String head = "GET " + paths[i % paths.length] + " HTTP/1.1\r\nHost: x\r\n\r\n";
      if (exchange(head.getBytes(StandardCharsets.ISO_8859_1)) != null) {
        requests.increment();
      }
    }
  }

  private void bigHeads() {
    byte[] head =
        ("GET /api/stats HTTP/1.1\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1);
    while (!stopping) {
      if (!waitForPhase(BIG_HEADS)) {
        continue;
      }
      String answer = exchange(head);
      if (answer != null && answer.startsWith("HTTP/1.1 431")) {
        refused.increment();
      }
    }
  }

  /**
   * Which attack runs now: each for {@link #PHASE_MS} in turn. All at once, the slowloris would
   * hold every connection the server allows, and the others would only be turned away.
   */
  private int phase() {
    return (int) ((System.nanoTime() - startNs) / 1_000_000 / PHASE_MS % 3);
  }

  /** Whether it is {@code phase}'s turn; waits a little when it is not. */
  private boolean waitForPhase(int phase) {
    if (phase() == phase) {
      return true;
    }
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopping = true;
    }
    return false;
  }

  /** Sends {@code request} on a new connection and reads the answer to its end, or null. */
  private String exchange(byte[] request) {
    try (Socket socket = new Socket(http.getAddress(), http.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException e) {
        // A head over the limit: the server answers and closes before it has read it all.
      }
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return null; // closed unanswered (over the connection cap): try again
    }
  }

  private static void closeQuietly(Socket socket) {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException e) {
        // nothing to do
      }
    }
  }

  /** What the attack did: requests answered, big heads refused, slow connections cut off. */
  public String summary() {
    return requests.sum()
        + " requests answered, "
        + refused.sum()
        + " oversized heads refused (431), "
        + cutOff.sum()
        + " slow connections cut off";
  }

  @Override
  public void close() throws InterruptedException {
    stopping = true;
    for (Thread thread : threads) {
      thread.interrupt();
      thread.join(15_000);
    }
  }
}
