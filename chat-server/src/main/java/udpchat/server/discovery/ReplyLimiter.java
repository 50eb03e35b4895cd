package udpchat.server.discovery;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often the discovery responder may answer: at most once a second to each source address, and
 * at most {@link #MAX_PER_SECOND} times a second in all, so forged requests cannot turn the server
 * into a flood (each reply is also smaller than its request). Time is an argument. Not thread-safe:
 * the responder's one thread uses it.
 */
public final class ReplyLimiter {

  static final int MAX_PER_SECOND = 20;
  static final long PER_SOURCE_INTERVAL_MS = 1000;

  /** Sources remembered; beyond this the least recent is forgotten. */
  static final int SOURCES = 1024;

  private final Map<InetAddress, Long> lastReplyMs =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, Long> eldest) {
          return size() > SOURCES;
        }
      };
  private long windowStartMs = Long.MIN_VALUE / 2;
  private int inWindow;

  /** Whether a reply to {@code source} may go out at {@code nowMs}; counts it if so. */
  boolean allow(InetAddress source, long nowMs) {
    Long last = lastReplyMs.get(source);
    if (last != null && nowMs - last < PER_SOURCE_INTERVAL_MS) {
      return false;
    }
    if (nowMs - windowStartMs >= 1000) {
      windowStartMs = nowMs;
      inWindow = 0;
    }
    if (inWindow >= MAX_PER_SECOND) {
      return false;
    }
    inWindow++;
    lastReplyMs.put(source, nowMs);
    return true;
  }
}
