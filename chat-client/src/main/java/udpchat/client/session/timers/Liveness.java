package udpchat.client.session.timers;

/**
 * Whether the server answers, as a session in the room sees it: when it was last heard, the pings
 * it left unanswered, and whether its silence was said. Time is an argument; the session's thread
 * owns it.
 *
 * <p>The server is called silent after {@link #SILENT_INTERVALS} heartbeat intervals without a
 * datagram and {@link #SILENT_UNANSWERED_PINGS} pings unanswered: after a freeze (Ctrl-Z) the time
 * since the last datagram is long, but no ping went unanswered and the server has not gone.
 */
public final class Liveness {

  public static final int SILENT_INTERVALS = 3;
  public static final int SILENT_UNANSWERED_PINGS = 2;

  private long pingSentMs;
  private long lastHeardMs;
  private int unansweredPings;
  private boolean silenceSaid;

  /** Joined at {@code nowMs}: the welcome was heard, and the join was as good as a heartbeat. */
  public Liveness(long nowMs) {
    this.pingSentMs = nowMs;
    this.lastHeardMs = nowMs;
  }

  public boolean pingDue(long nowMs, long heartbeatMs) {
    return nowMs - pingSentMs >= heartbeatMs;
  }

  public void pinged(long nowMs) {
    pingSentMs = nowMs;
    unansweredPings++;
  }

  /** Heartbeats were turned on again: the pings sent before do not count against the server. */
  public void forgetUnansweredPings() {
    unansweredPings = 0;
  }

  /** True once, when the server has just become silent (and it is to be said). */
  public boolean becameSilent(long nowMs, long heartbeatMs) {
    if (!silenceSaid
        && unansweredPings >= SILENT_UNANSWERED_PINGS
        && nowMs - lastHeardMs >= SILENT_INTERVALS * heartbeatMs) {
      silenceSaid = true;
      return true;
    }
    return false;
  }

  public long silentForMs(long nowMs) {
    return nowMs - lastHeardMs;
  }

  /** A datagram came; true if the server had been said to be silent (so: say it answers). */
  public boolean heard(long nowMs) {
    lastHeardMs = nowMs;
    unansweredPings = 0;
    boolean wasSilent = silenceSaid;
    silenceSaid = false;
    return wasSilent;
  }

  /** Whether the user has been told that the server is not answering. */
  public boolean silent() {
    return silenceSaid;
  }

  /** Silent for twice the server's timeout: it has expired this session by now. */
  public boolean gone(long nowMs, long timeoutMs) {
    return silenceSaid && nowMs - lastHeardMs > 2 * timeoutMs;
  }
}
