package udpchat.client.room;

import udpchat.client.session.Session;
import udpchat.client.session.SessionListener;
import udpchat.client.view.StatusSink;
import udpchat.protocol.Ack;
import udpchat.protocol.Away;
import udpchat.protocol.Batch;
import udpchat.protocol.Chat;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.History;
import udpchat.protocol.Join;
import udpchat.protocol.Leave;
import udpchat.protocol.Lost;
import udpchat.protocol.Members;
import udpchat.protocol.Nick;
import udpchat.protocol.Notice;
import udpchat.protocol.Ping;
import udpchat.protocol.Pong;
import udpchat.protocol.Posted;
import udpchat.protocol.Presence;
import udpchat.protocol.Private;
import udpchat.protocol.Retry;
import udpchat.protocol.Say;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Tell;
import udpchat.protocol.Welcome;
import udpchat.protocol.Who;

/**
 * Keeps the status line current: the online count from the {@link Roster}, the connection state
 * from the session's ticks, and the round-trip time of heartbeats. A new line is sent to the sink
 * only when something on it changed. Called on the session's thread (a {@link SessionListener}),
 * after the roster has taken the same message; the sink queues (the view's thread draws).
 */
public final class StatusFeed implements SessionListener {

  private final String address;
  private final Roster roster;
  private final StatusSink sink;
  private final RoundTrip roundTrip = new RoundTrip();
  private ConnectionState connection = ConnectionState.CONNECTING;
  private StatusSink.Report last;

  public StatusFeed(String address, Roster roster, StatusSink sink) {
    this.address = address;
    this.roster = roster;
    this.sink = sink;
  }

  @Override
  public void onSent(ClientMessage message, long nowMs) {
    message.dispatch(new Sent(nowMs));
  }

  /** A ping starts a round trip; nothing else the client sends is timed here. */
  private final class Sent implements ClientMessage.Handler {
    private final long nowMs;

    Sent(long nowMs) {
      this.nowMs = nowMs;
    }

    @Override
    public void onPing(Ping ping) {
      roundTrip.onPingSent(ping.id(), nowMs);
    }

    @Override
    public void onJoin(Join join) {}

    @Override
    public void onSay(Say say) {}

    @Override
    public void onTell(Tell tell) {}

    @Override
    public void onWho(Who who) {}

    @Override
    public void onNick(Nick nick) {}

    @Override
    public void onLeave(Leave leave) {}

    @Override
    public void onAck(Ack ack) {}

    @Override
    public void onHistory(History history) {}

    @Override
    public void onAway(Away away) {}
  }

  @Override
  public void onMessage(ServerMessage message, long nowMs) {
    message.dispatch(new Answer(nowMs));
    publish();
  }

  @Override
  public void onTick(Session.State state, boolean everJoined, boolean serverSilent, long nowMs) {
    connection = ConnectionState.of(state, everJoined, serverSilent);
    publish();
  }

  /** A pong measures the round trip; nothing else the server says is timed here. */
  private final class Answer implements ServerMessage.Handler {
    private final long nowMs;

    Answer(long nowMs) {
      this.nowMs = nowMs;
    }

    @Override
    public void onPong(Pong pong) {
      roundTrip.onPong(pong.id(), nowMs);
    }

    @Override
    public void onWelcome(Welcome welcome) {}

    @Override
    public void onChat(Chat chat) {}

    @Override
    public void onPrivate(Private whisper) {}

    @Override
    public void onNotice(Notice notice) {}

    @Override
    public void onMembers(Members members) {}

    @Override
    public void onErrorReply(ErrorReply error) {}

    @Override
    public void onPosted(Posted posted) {}

    @Override
    public void onLost(Lost lost) {}

    @Override
    public void onPresence(Presence presence) {}

    @Override
    public void onRetry(Retry retry) {}

    @Override
    public void onBatch(Batch batch) {}
  }

  /** What the line says now. */
  StatusSink.Report report() {
    return new StatusSink.Report(
        address, roster.online(), connection.label, roundTrip.lastMs(), roster.remark(roster.me()));
  }

  private void publish() {
    StatusSink.Report report = report();
    if (!report.equals(last)) {
      last = report;
      sink.showStatus(report);
    }
  }
}
