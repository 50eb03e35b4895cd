package udpchat.bench.load;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import udpchat.bench.target.Reflector;
import udpchat.bench.wire.Inbound;
import udpchat.protocol.Chat;
import udpchat.protocol.json.Codec;

/**
 * The same members and load against the raw {@link Reflector}: no join, no acks, no numbering by a
 * server. A sender's datagram is the {@code chat} the server would send for its message (the same
 * bytes on the wire, numbered here), and each member counts what it receives: the reflector keeps
 * order, so a number not above the last one seen is a duplicate, and what never comes is lost.
 */
public final class RawLoad extends Load {

  private final InetSocketAddress reflector;
  private final Codec codec = new Codec();
  private final Inbound inbound = new Inbound(codec);
  private long seq;

  public RawLoad(
      List<SimMember> members,
      InetSocketAddress reflector,
      int senders,
      double ratePerS,
      int window,
      int size) {
    super(members, senders, ratePerS, window, size);
    this.reflector = reflector;
    members.forEach(SimMember::reset);
  }

  @Override
  public boolean reliable() {
    return false;
  }

  @Override
  void send(SimMember sender, long number, String text, long nowNs) {
    seq++;
    Chat chat =
        new Chat(seq, seq - 1, System.currentTimeMillis(), sender.name, text, false, null, null);
    sendFrom(sender, ByteBuffer.wrap(codec.encode(chat)), reflector);
  }

  @Override
  public void onDatagram(SimMember member, byte[] bytes, int length, long nowNs) {
    Inbound message = inbound.read(bytes, length);
    if (message.kind != Inbound.Kind.EVENT || message.sentNs < 0) {
      tally.invalid++;
      return;
    }
    boolean first = message.seq > member.lastRawSeq;
    if (first) {
      member.lastRawSeq = message.seq;
    }
    tally.onMessage(message.sentNs, nowNs, length, first);
    if (first && message.sender == member.index) {
      onOwnCopy(member, message.number, nowNs);
    }
  }

  @Override
  public void onTick(long nowNs) {
    pace(nowNs);
  }
}
