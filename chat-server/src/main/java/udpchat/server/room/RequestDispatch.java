package udpchat.server.room;

import java.net.InetSocketAddress;
import udpchat.protocol.Ack;
import udpchat.protocol.Away;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.Drops;
import udpchat.protocol.History;
import udpchat.protocol.Join;
import udpchat.protocol.Leave;
import udpchat.protocol.Limits;
import udpchat.protocol.Nick;
import udpchat.protocol.Ping;
import udpchat.protocol.Pong;
import udpchat.protocol.Say;
import udpchat.protocol.SessionMessage;
import udpchat.protocol.Tell;
import udpchat.protocol.Who;
import udpchat.protocol.json.Codec;
import udpchat.server.delivery.Delivery;
import udpchat.server.room.members.Member;

/**
 * Hands each client request to the part of the room that acts on it: a join to {@link Joining}, a
 * member's request (once its session token matches its address) to {@link Posting}, {@link
 * MemberRequests} or {@link Delivery}. One method per request type ({@link ClientMessage.Handler}),
 * so a type added to the protocol does not compile until the room handles it.
 */
final class RequestDispatch extends RoomPart {

  private final Joining joining;
  private final Posting posting;
  private final MemberRequests requests;

  RequestDispatch(RoomPart room, Joining joining, Posting posting, MemberRequests requests) {
    super(room);
    this.joining = joining;
    this.posting = posting;
    this.requests = requests;
  }

  /** Acts on {@code request}, which came from {@code from} at {@code nowMs} in {@code bytes}. */
  void handle(InetSocketAddress from, ClientMessage request, int bytes, long nowMs) {
    request.dispatch(new Arrival(from, bytes, nowMs));
  }

  /** One request's handling: where and when it arrived, and how big its datagram was. */
  private final class Arrival implements ClientMessage.Handler {
    private final InetSocketAddress from;
    private final int bytes;
    private final long nowMs;

    Arrival(InetSocketAddress from, int bytes, long nowMs) {
      this.from = from;
      this.bytes = bytes;
      this.nowMs = nowMs;
    }

    @Override
    public void onJoin(Join join) {
      if (bytes < Limits.MIN_JOIN_BYTES) {
        drops.count(Drops.SHORT_JOIN, from, "a join of " + bytes + " bytes");
        return;
      }
      joining.join(from, join, bytes, nowMs);
    }

    @Override
    public void onPing(Ping ping) {
      if (member(ping) != null) {
        outbox.send(new Pong(ping.id()), from);
      }
    }

    @Override
    public void onAck(Ack ack) {
      Member member = member(ack);
      if (member != null) {
        delivery.onAck(member.stream(), ack.seq(), ack.missingTo(), nowMs);
      }
    }

    @Override
    public void onSay(Say say) {
      Member member = member(say);
      if (member != null) {
        posting.say(member, say, nowMs);
      }
    }

    @Override
    public void onTell(Tell tell) {
      Member member = member(tell);
      if (member != null) {
        posting.tell(member, tell, nowMs);
      }
    }

    @Override
    public void onWho(Who who) {
      Member member = member(who);
      if (member != null) {
        requests.who(member, nowMs);
      }
    }

    @Override
    public void onHistory(History history) {
      Member member = member(history);
      if (member != null) {
        requests.history(member, history);
      }
    }

    @Override
    public void onNick(Nick nick) {
      Member member = member(nick);
      if (member != null) {
        requests.nick(member, nick, nowMs);
      }
    }

    @Override
    public void onLeave(Leave leave) {
      Member member = member(leave, false); // a leave is not answered: the client is going
      if (member != null) {
        requests.leave(member, nowMs);
      }
    }

    @Override
    public void onAway(Away away) {
      Member member = member(away);
      if (member != null) {
        requests.away(member, away);
      }
    }

    private Member member(SessionMessage request) {
      return member(request, true);
    }

    /**
     * The member that sent {@code request}, heard now; {@code null} (after counting the drop) when
     * the address is no member, which is sent a retry if {@code retryIfUnknown}, or the session
     * token is not its.
     */
    private Member member(SessionMessage request, boolean retryIfUnknown) {
      Member member = roster.get(from);
      if (member == null) {
        drops.count(Drops.NOT_JOINED, from, Codec.typeName(request.getClass()));
        if (retryIfUnknown) {
          // The session is unknown at this address (the server expired it or restarted, or the
          // address changed): the retry tells the client to join again, and lets it in.
          admission.retry(from, bytes, nowMs);
        }
        return null;
      }
      if (!member.session().equals(request.session())) {
        drops.count(Drops.FORGED_SESSION, from, Codec.typeName(request.getClass()));
        return null;
      }
      roster.heard(member, nowMs);
      return member;
    }
  }
}
