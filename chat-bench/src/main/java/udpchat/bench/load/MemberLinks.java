package udpchat.bench.load;

import java.nio.ByteBuffer;
import java.util.List;
import udpchat.bench.measure.Tally;
import udpchat.crypto.DatagramSeal;
import udpchat.secure.link.Initiator;
import udpchat.secure.link.ServerKeyCheck;
import udpchat.secure.transport.RefusedDatagram;
import udpchat.secure.transport.RekeyPolicy;

/**
 * The members' ends of protocol 3's link (PROTOCOL.md, the link layer): each member runs the
 * client's own {@link Initiator}, so its JSON goes sealed under a session of its own, after a
 * handshake it runs once, when it first joins; then one seal or open per datagram. The members'
 * thread owns every member's Initiator, as it owns the rest of their state.
 *
 * <p>The bench starts a fresh server for every run and trusts whatever key it shows ({@link
 * ServerKeyCheck#ANY}): pinning is the client's concern, and costs nothing per datagram.
 */
final class MemberLinks {

  /** Every member's link timers run once in this long: a hello again after 1 s, a rekey. */
  static final long TICK_ROUND_NS = 250_000_000L;

  /** Each turn of the loop ticks a slice of the members, so 10,000 links cost no burst. */
  private static final long SLICE_NS = 1_000_000L;

  /** Sends one datagram of a member's link: from its socket to the server. */
  interface Out {
    void send(SimMember from, ByteBuffer datagram);
  }

  private final Out out;
  private final Tally tally;
  private int cursor;
  private long nextSliceNs;

  /**
   * @param out where a member's link datagrams go: its socket, to the server
   */
  MemberLinks(Out out, Tally tally) {
    this.out = out;
    this.tally = tally;
  }

  /** A new link for each member, for a server it has not met: a new run. */
  void open(List<SimMember> members) {
    for (SimMember member : members) {
      member.link =
          new Initiator(
              null,
              ServerKeyCheck.ANY,
              RekeyPolicy.DEFAULT,
              DatagramSeal.NONE,
              datagram -> out.send(member, datagram));
    }
  }

  /** Sends the JSON in {@code payload} sealed; the first one starts the member's handshake. */
  void send(SimMember member, byte[] payload, long nowNs) {
    member.link.send(payload, nowNs);
  }

  /** Sends the JSON from the buffer's position to its limit (a reused buffer: it is copied). */
  void send(SimMember member, ByteBuffer payload, long nowNs) {
    byte[] bytes = new byte[payload.remaining()];
    payload.get(bytes);
    member.link.send(bytes, nowNs);
  }

  /**
   * The JSON of a datagram the server sealed for {@code member}; null for the link's own datagrams
   * (answered inside the link) and for what does not open, which is counted and dropped.
   */
  byte[] receive(SimMember member, byte[] bytes, int length, long nowNs) {
    if (member.link == null) {
      return null; // not joining in this run: what is left of the last one
    }
    long handshakes = member.link.handshakes();
    try {
      byte[] payload = member.link.receive(ByteBuffer.wrap(bytes, 0, length), nowNs);
      tally.handshakes += member.link.handshakes() - handshakes;
      return payload;
    } catch (RefusedDatagram e) {
      tally.linkRefused++;
      tally.linkRefusedBy[e.reason().ordinal()]++;
      return null;
    }
  }

  /**
   * The members' link timers, a slice each millisecond: all of them every {@link #TICK_ROUND_NS}.
   */
  void tick(List<SimMember> members, long nowNs) {
    if (nowNs < nextSliceNs || members.isEmpty()) {
      return;
    }
    nextSliceNs = nowNs + SLICE_NS;
    int slice = (int) (members.size() * SLICE_NS / TICK_ROUND_NS) + 1;
    for (int i = 0; i < slice; i++) {
      cursor = (cursor + 1) % members.size();
      Initiator link = members.get(cursor).link;
      if (link != null) {
        link.tick(nowNs);
      }
    }
  }
}
