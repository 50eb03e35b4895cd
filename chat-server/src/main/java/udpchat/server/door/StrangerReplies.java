package udpchat.server.door;

import java.net.InetSocketAddress;

/**
 * What the link may still answer to addresses that have not proven themselves (a retry, an accept):
 * at most {@value #PER_SECOND} such replies a second in all, and a few a minute to one source
 * ({@link SourceBudget}), so forged hellos and sealed datagrams from any number of addresses turn
 * into no flood on anyone. Owned by the receiving thread; time is an argument.
 */
public final class StrangerReplies {

  static final int PER_SECOND = 1000;

  private final TokenBucket all = new TokenBucket(PER_SECOND, PER_SECOND, 0);
  private final SourceBudget perSource = new SourceBudget();

  /** Takes one reply to {@code to} at {@code nowMs}; whether it may be sent. */
  public boolean take(InetSocketAddress to, long nowMs) {
    return perSource.take(to, nowMs) && all.take(nowMs);
  }
}
