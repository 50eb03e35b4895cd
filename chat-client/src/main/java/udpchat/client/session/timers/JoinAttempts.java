package udpchat.client.session.timers;

/**
 * The joins of one joining phase: a join is sent at once and again after 1, 2, 4 and then every 5
 * seconds until the server answers; a retry (the server's cookie) is answered at once, but once per
 * attempt, so forged retries cannot make the client send joins; what the server refuses while the
 * client keeps trying is said once in the phase. Time is an argument; the session's thread owns it.
 */
public final class JoinAttempts {

  public static final long FIRST_RETRY_MS = 1000;
  public static final long MAX_RETRY_MS = 5000;

  private long sentMs;
  private long retryMs = FIRST_RETRY_MS;
  private boolean retryAnswered;
  private boolean roomFullSaid;
  private boolean oldSessionSaid;

  /** A join goes now: the backoff starts again. */
  public void beginning() {
    retryMs = FIRST_RETRY_MS;
  }

  public boolean due(long nowMs) {
    return nowMs - sentMs >= retryMs;
  }

  public void sent(long nowMs) {
    sentMs = nowMs;
    retryAnswered = false;
  }

  /** No answer to the last join: the next waits twice as long, up to {@link #MAX_RETRY_MS}. */
  public void backOff() {
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
  }

  /**
   * The server answered with a retry: it is there, and a join takes two round trips, so the next
   * attempt comes a second after the last, not after the backoff.
   */
  public void serverAnswered() {
    retryMs = FIRST_RETRY_MS;
  }

  /** True if this attempt has not yet answered a retry at once (and now has). */
  public boolean mayAnswerRetry() {
    if (retryAnswered) {
      return false;
    }
    retryAnswered = true;
    return true;
  }

  /** True the first time in this phase: the room is full (the timer keeps trying). */
  public boolean firstRoomFull() {
    boolean first = !roomFullSaid;
    roomFullSaid = true;
    return first;
  }

  /** True the first time in this phase: an old session of ours holds the name or address. */
  public boolean firstOldSession() {
    boolean first = !oldSessionSaid;
    oldSessionSaid = true;
    return first;
  }
}
