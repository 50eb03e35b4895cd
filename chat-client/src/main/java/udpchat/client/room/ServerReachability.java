package udpchat.client.room;

import java.io.IOException;
import java.net.InetSocketAddress;
import udpchat.client.session.Session;
import udpchat.client.session.SessionAgent;
import udpchat.client.session.SessionListener;
import udpchat.client.session.timers.JoinAttempts;
import udpchat.client.view.View;
import udpchat.client.view.narrator.ReachabilityNarrator;
import udpchat.net.Addresses;
import udpchat.protocol.ServerMessage;
import udpchat.time.WallStamps;

/**
 * What the user is told about whether the server can be reached at all. The kernel reports an ICMP
 * port-unreachable on the connected socket ({@link java.net.PortUnreachableException}) within a
 * round trip of the first join, so "nothing is listening" is said at once, not after the backoff; a
 * join left without any answer for {@link #NO_ANSWER_MS} is said to have none (a private room's
 * server answers only its key). Each is said once until the server is heard from again. A failure
 * to send is counted, and said once.
 *
 * <p>Owned by the session's thread ({@link SessionAgent}): it hears the session as a {@link
 * SessionListener}, and the receiver's ICMP report reaches it through the agent's queue.
 */
public final class ServerReachability implements SessionListener {

  /** How long a join goes without any answer before the user is told no server answers. */
  public static final long NO_ANSWER_MS = 3000;

  /** What the user is told: every sentence is the {@link ReachabilityNarrator}'s. */
  private final ReachabilityNarrator say;

  private final String address;
  private final boolean sealed;

  private Session.State state = Session.State.JOINING;
  private long joiningSinceMs = -1;
  private boolean heard;
  private boolean unreachableSaid;
  private boolean noAnswerSaid;
  private boolean sendFailureSaid;
  private volatile long sendFailures; // read by tests

  /**
   * Tells {@code view}, stamping with {@code stamps} (the wall time of a time of the timers'
   * clock); {@code sealed}: the client has a room key.
   */
  public ServerReachability(
      View view, InetSocketAddress server, boolean sealed, WallStamps stamps) {
    this.say = new ReachabilityNarrator(view, stamps);
    this.address = Addresses.format(server);
    this.sealed = sealed;
  }

  /** The kernel says nothing listens at the server's port (an ICMP port-unreachable). */
  public void onPortUnreachable() {
    if (unreachableSaid || state == Session.State.LEFT) {
      return;
    }
    unreachableSaid = true;
    heard = false;
    say.nothingListening(address, state == Session.State.JOINING, JoinAttempts.MAX_RETRY_MS);
  }

  /**
   * The server answered, but with a key this client does not trust: that was said, and "no server
   * answers" would be wrong, so it is not said while the refusals go on.
   */
  public void onServerKeyRefused() {
    noAnswerSaid = true;
  }

  /**
   * A datagram could not be sent: counted; the first failure to {@code tell} is said, with its
   * cause (a port-unreachable is said by {@link #onPortUnreachable} instead).
   */
  public void onSendFailed(IOException cause, boolean tell) {
    sendFailures++; // on the session's thread only
    if (tell && !sendFailureSaid) {
      sendFailureSaid = true;
      say.cannotSend(address, cause);
    }
  }

  /** How many datagrams could not be sent. */
  public long sendFailures() {
    return sendFailures;
  }

  @Override
  public void onMessage(ServerMessage message, long nowMs) {
    heard = true;
    unreachableSaid = false; // said again if the server goes away again
    noAnswerSaid = false;
  }

  @Override
  public void onTick(Session.State state, boolean everJoined, boolean serverSilent, long nowMs) {
    this.state = state;
    if (state != Session.State.JOINING) {
      joiningSinceMs = -1;
      return;
    }
    if (joiningSinceMs < 0) {
      joiningSinceMs = nowMs;
      heard = false;
    }
    if (!heard && !noAnswerSaid && nowMs - joiningSinceMs >= NO_ANSWER_MS) {
      noAnswerSaid = true;
      say.noAnswer(nowMs, address, nowMs - joiningSinceMs, sealed);
    }
  }
}
