package udpchat.bench.measure;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * What a garbage flood did to the server (the {@code garbage} scenario): datagrams sent, and the
 * server's resident memory (VmRSS, KB) idle just before, at its peak from the flood's first
 * datagram to the "after" reading (the server still reads what waits in its socket's buffer after
 * the last is sent), and {@link #AFTER_S} s after the last; the server's drops by reason over the
 * flood (null when its {@code /api/stats} did not answer).
 *
 * @param sent garbage datagrams sent
 * @param failed sends the kernel refused (a full send buffer)
 * @param answers datagrams the server sent back to the flood's addresses
 * @param floodMs from the first datagram to the last
 * @param rssSamples readings of VmRSS the peak is the most of
 */
public record GarbageFigures(
    long sent,
    long failed,
    long answers,
    long floodMs,
    long rssIdleKb,
    long rssPeakKb,
    long rssAfterKb,
    long rssSamples,
    Map<String, Long> serverDrops) {

  /** The "after" reading is taken this long after the flood's last datagram. */
  public static final int AFTER_S = 3;

  /** Peak minus idle, in KB: what the flood grew the process by. */
  @JsonProperty
  public long rssGrowthKb() {
    return rssPeakKb - rssIdleKb;
  }

  /** Garbage sent per second of the flood. */
  @JsonProperty
  public double sentPerS() {
    return floodMs == 0 ? 0 : sent * 1000.0 / floodMs;
  }
}
