package udpchat.bench.measure;

/**
 * A process's resident memory (VmRSS) while something happens to it: read once as it starts (the
 * idle figure), then every {@link #INTERVAL_MS} by its thread ({@code bench-rss-watch}) for the
 * peak, until {@link #close}. VmHWM would give the peak without sampling, but over the process's
 * whole life: the joins' and the warm-up's peak too, not the flood's.
 */
public final class RssWatch implements AutoCloseable {

  public static final long INTERVAL_MS = 50;

  private final long pid;
  private final long idleKb;
  private final Thread thread;
  private volatile boolean stopping;
  private volatile long peakKb;
  private volatile long samples;

  private RssWatch(long pid) {
    this.pid = pid;
    this.idleKb = ProcStats.of(pid).rssKb();
    this.peakKb = idleKb;
    this.thread = new Thread(this::watch, "bench-rss-watch");
  }

  /** Reads the idle figure of {@code pid} now and starts sampling. */
  public static RssWatch start(long pid) {
    RssWatch watch = new RssWatch(pid);
    watch.thread.start();
    return watch;
  }

  private void watch() {
    try {
      while (!stopping) {
        sample();
        Thread.sleep(INTERVAL_MS);
      }
    } catch (InterruptedException e) {
      // close() asks it to stop: the last sample is taken there
    }
  }

  private void sample() {
    long rss = ProcStats.of(pid).rssKb();
    if (rss > peakKb) {
      peakKb = rss; // only this thread writes it while it runs
    }
    samples++;
  }

  /** VmRSS in KB as the watch started (-1: unknown). */
  public long idleKb() {
    return idleKb;
  }

  /** The most VmRSS seen in KB since the start. */
  public long peakKb() {
    return peakKb;
  }

  /** How many readings the peak is the most of. */
  public long samples() {
    return samples;
  }

  /** Stops sampling after one last reading. */
  @Override
  public void close() throws InterruptedException {
    stopping = true;
    thread.interrupt();
    thread.join(5_000);
    sample();
  }
}
