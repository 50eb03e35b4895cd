package udpchat.client.room;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The round-trip time of heartbeats: the time from a ping to the pong with its id. Only the last
 * {@link #OUTSTANDING} pings are remembered, so pongs that never come cost nothing; a pong for a
 * ping not (or no longer) remembered is ignored. Time is an argument. Not thread-safe: the {@link
 * StatusFeed} calls it on the session's thread.
 */
public final class RoundTrip {

  static final int OUTSTANDING = 8;

  private final Map<Long, Long> sentMsById =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
          return size() > OUTSTANDING;
        }
      };
  private long lastMs = -1;

  void onPingSent(long id, long nowMs) {
    sentMsById.put(id, nowMs);
  }

  /** Returns whether the pong answered a remembered ping (and so gave a new measure). */
  boolean onPong(long id, long nowMs) {
    Long sentMs = sentMsById.remove(id);
    if (sentMs == null) {
      return false;
    }
    lastMs = Math.max(0, nowMs - sentMs);
    return true;
  }

  /** The last round-trip time in milliseconds, or -1 before the first pong. */
  long lastMs() {
    return lastMs;
  }
}
