package udpchat.bench.target;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;
import udpchat.bench.load.GarbageFlood;
import udpchat.bench.measure.GarbageFigures;
import udpchat.bench.measure.ProcStats;
import udpchat.bench.measure.RssWatch;
import udpchat.bench.measure.ServerStats;

/**
 * The {@code garbage} scenario's attack on a chat server child process: a {@link GarbageFlood} at
 * its UDP port while an {@link RssWatch} samples its resident memory, and its own drop counts read
 * from {@code /api/stats} before and after. It owns both threads: {@link #start} starts them,
 * {@link #close} stops them; {@link #figures} gives what was seen.
 */
public final class GarbageAttack implements AutoCloseable {

  private final GarbageFlood flood;
  private final InetSocketAddress server;
  private final long pid;
  private final Map<String, Long> dropsBefore;
  private RssWatch memory;

  private GarbageAttack(GarbageFlood flood, InetSocketAddress server, long pid) {
    this.flood = flood;
    this.server = server;
    this.pid = pid;
    // Now, before the window: an HTTP client's first request takes a while to make.
    this.dropsBefore = ServerStats.drops(server); // the HTTP port is the UDP port's number
  }

  /**
   * {@code count} garbage datagrams for the server at {@code server} (its pid {@code pid}), its
   * sockets bound and the server's drops so far read, when {@code count} is above 0; else null
   * (nothing to close).
   */
  public static GarbageAttack openIf(long count, InetSocketAddress server, long pid)
      throws IOException {
    return count > 0 ? new GarbageAttack(GarbageFlood.open(server, count), server, pid) : null;
  }

  /** Reads the idle memory, then starts the flood. */
  public void start() {
    memory = RssWatch.start(pid);
    flood.start();
  }

  /** Whether every datagram has been sent. */
  public boolean done() {
    return flood.done();
  }

  /**
   * Waits until {@link GarbageFigures#AFTER_S} s after the flood's last datagram, stops the
   * memory's sampling and takes the "after" reading; what it saw.
   */
  public GarbageFigures figures() throws InterruptedException {
    while (!flood.done()) {
      Thread.sleep(10);
    }
    long afterNs = flood.endNs() + GarbageFigures.AFTER_S * 1_000_000_000L;
    long leftMs = (afterNs - System.nanoTime()) / 1_000_000;
    if (leftMs > 0) {
      Thread.sleep(leftMs);
    }
    // The peak runs to here: the server still reads what the flood left in its socket's buffer.
    memory.close();
    long afterKb = ProcStats.of(pid).rssKb();
    return new GarbageFigures(
        flood.sent(),
        flood.failed(),
        flood.answers(),
        flood.elapsedNs() / 1_000_000,
        memory.idleKb(),
        memory.peakKb(),
        afterKb,
        memory.samples(),
        ServerStats.since(dropsBefore, ServerStats.drops(server)));
  }

  @Override
  public void close() throws InterruptedException {
    try {
      flood.close();
    } finally {
      if (memory != null) {
        memory.close();
      }
    }
  }
}
