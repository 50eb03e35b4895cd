package udpchat.bench.load;

import java.util.List;
import udpchat.bench.measure.Tally;
import udpchat.protocol.Say;
import udpchat.protocol.json.Codec;
import udpchat.stream.PendingMessages;

/**
 * The chat senders' messages on their way: each sender's {@link PendingMessages} number them and
 * say what to send again when the server has not confirmed it with {@code posted}, timed by the
 * measured round trips, as the client's session drives them; checked every tick.
 */
final class ChatSenders {

  /** Sends one message's JSON from a member to the server (sealed by its link). */
  interface Out {
    void send(SimMember from, byte[] json, long nowNs);
  }

  private final Codec codec;
  private final Tally tally;
  private final Out out;
  private long nextResendNs;

  ChatSenders(Codec codec, Tally tally, Out out) {
    this.codec = codec;
    this.tally = tally;
    this.out = out;
  }

  /** A new message of {@code sender}'s, sent now. */
  void add(SimMember sender, String text, long nowNs) {
    sender.sending.pending.add(null, text, false, ChatLoad.ms(nowNs));
    transmitDue(sender, nowNs);
  }

  /** The sender joined again: what waits goes at once. */
  void rejoined(SimMember sender, long nowNs) {
    sender.sending.pending.resendAll(ChatLoad.ms(nowNs));
    transmitDue(sender, nowNs);
  }

  /**
   * The server posted message {@code n}: settled, its round trip measured where it can be; it posts
   * in order, so the earlier ones still waiting got there and their answers were lost: asked again
   * now, as the client's session does.
   */
  void posted(SimMember sender, long n, long nowNs) {
    PendingMessages pending = sender.sending.pending;
    pending.posted(n, ChatLoad.ms(nowNs));
    pending.hurryBefore(n, ChatLoad.ms(nowNs));
    transmitDue(sender, nowNs);
  }

  /** Sends again, every tick, what the senders' pending messages say is not confirmed. */
  void resendDue(List<SimMember> senders, long nowNs) {
    if (nowNs < nextResendNs) {
      return;
    }
    nextResendNs = nowNs + ChatLoad.RESEND_TICK_NS;
    for (SimMember sender : senders) {
      if (sender.sending != null) {
        transmitDue(sender, nowNs);
      }
    }
  }

  /** Sends what the sender's pending messages say is due: new ones, and those not confirmed. */
  private void transmitDue(SimMember sender, long nowNs) {
    PendingMessages pending = sender.sending.pending;
    if (sender.state != SimMember.State.JOINED || pending.isEmpty()) {
      return;
    }
    long retransmissions = pending.retransmissions();
    for (PendingMessages.Message message : pending.due(ChatLoad.ms(nowNs))) {
      Say say = new Say(sender.session, message.n(), message.text(), message.action());
      out.send(sender, codec.encode(say), nowNs);
    }
    tally.resent += pending.retransmissions() - retransmissions;
  }
}
