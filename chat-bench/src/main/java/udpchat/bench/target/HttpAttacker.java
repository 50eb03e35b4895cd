package udpchat.bench.target;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import udpchat.bench.load.HttpAttack;

/**
 * The hostile HTTP client of {@code --http-attack} as a child process at the lowest CPU priority
 * ({@code nice -n 19}): an attacker elsewhere on the LAN costs the server its sockets, not its CPU,
 * and on this 2-core machine an attacker in the bench's own process would take the CPU the bench's
 * members and the server need, and measure that instead. Its {@code main} runs the {@link
 * HttpAttack} until it is stopped (SIGTERM), then prints what it did.
 */
public final class HttpAttacker implements AutoCloseable {

  private static final Pattern ATTACKING = Pattern.compile("attacking ");
  private static final Pattern DID = Pattern.compile("attack: (.*)");

  private final ChildProcess child;
  private final PrintWriter progress;

  private HttpAttacker(ChildProcess child, PrintWriter progress) {
    this.child = child;
    this.progress = progress;
  }

  /**
   * The attack on {@code http} in a child process, once it has started, when {@code on}; else null
   * (nothing to close). It tells {@code progress} what it did when it is closed.
   */
  public static HttpAttacker startIf(boolean on, InetSocketAddress http, PrintWriter progress)
      throws IOException, InterruptedException {
    if (!on) {
      return null;
    }
    ChildProcess child =
        ChildProcess.startNiced(
            "http-attack",
            List.of("-Xmx64m"),
            HttpAttacker.class.getName(),
            List.of(http.getAddress().getHostAddress(), String.valueOf(http.getPort())));
    child.await(ATTACKING, 30_000);
    return new HttpAttacker(child, progress);
  }

  @Override
  public void close() throws InterruptedException {
    child.close();
    Matcher did = child.find(DID);
    progress.println("bench:   HTTP attack: " + (did == null ? "(no summary)" : did.group(1)));
    progress.flush();
  }

  /** The child: {@code HOST PORT}; attacks until SIGTERM, then prints its summary. */
  public static void main(String[] args) throws InterruptedException {
    InetSocketAddress http = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
    HttpAttack attack = HttpAttack.start(http);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    attack.close();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  System.out.println("attack: " + attack.summary());
                  System.out.flush();
                  stopped.countDown();
                },
                "bench-http-attack-stop"));
    System.out.println("attacking " + args[0] + ":" + args[1]);
    System.out.flush();
    stopped.await();
  }
}
