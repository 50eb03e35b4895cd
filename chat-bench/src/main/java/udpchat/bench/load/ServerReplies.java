package udpchat.bench.load;

import udpchat.bench.wire.Inbound;
import udpchat.protocol.Batch;
import udpchat.protocol.Chat;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Lost;
import udpchat.protocol.Members;
import udpchat.protocol.Notice;
import udpchat.protocol.Pong;
import udpchat.protocol.Posted;
import udpchat.protocol.Presence;
import udpchat.protocol.Private;
import udpchat.protocol.Retry;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;

/**
 * What a simulated member does with a server message outside its stream (decoded in full by {@link
 * Inbound}): one method per type, so a type added to the protocol is a compile error here until the
 * bench decides what it does with it. Made for one message: the member and the time it came.
 */
final class ServerReplies implements ServerMessage.Handler {

  private final ChatLoad load;
  private final SimMember member;
  private final long nowNs;

  ServerReplies(ChatLoad load, SimMember member, long nowNs) {
    this.load = load;
    this.member = member;
    this.nowNs = nowNs;
  }

  @Override
  public void onWelcome(Welcome welcome) {
    load.welcomed(member, welcome, nowNs);
  }

  @Override
  public void onPosted(Posted posted) {
    load.tally.posted++;
    if (member.sending != null) {
      load.posted(member, posted.n(), nowNs);
    }
  }

  @Override
  public void onPong(Pong pong) {
    load.tally.pongs++;
  }

  /** Unnumbered notices: this member expired (though it kept pinging), or the server stops. */
  @Override
  public void onNotice(Notice notice) {
    if (notice.kind() == Notice.Kind.EXPIRED && !notice.numbered()) {
      load.tally.expiredNotices++;
      load.rejoin(member, nowNs);
    }
  }

  @Override
  public void onRetry(Retry retry) {
    load.retried(member, retry.cookie(), nowNs);
  }

  @Override
  public void onErrorReply(ErrorReply error) {
    load.tally.errors++;
  }

  // What the bench never asks for, or reads on its fast path (Inbound): nothing to do.

  @Override
  public void onChat(Chat chat) {} // recalled by a history request, which the bench never sends

  @Override
  public void onPrivate(Private whisper) {} // outside a stream: never sent

  @Override
  public void onMembers(Members members) {} // the answer to /who, never asked

  @Override
  public void onLost(Lost lost) {} // read as an event of the stream

  @Override
  public void onPresence(Presence presence) {} // who is away or quiet: the bench keeps none

  @Override
  public void onBatch(Batch batch) {} // split into its items before they are read
}
