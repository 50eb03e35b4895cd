package udpchat.client.room;

import udpchat.client.session.Session;
import udpchat.client.session.SessionListener;
import udpchat.client.view.StatusLine;
import udpchat.client.view.StatusSink;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.Ping;
import udpchat.protocol.Pong;
import udpchat.protocol.ServerMessage;

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
  private StatusLine.Report last;

  public StatusFeed(String address, Roster roster, StatusSink sink) {
    this.address = address;
    this.roster = roster;
    this.sink = sink;
  }

  @Override
  public void onSent(ClientMessage message, long nowMs) {
    if (message instanceof Ping ping) {
      roundTrip.onPingSent(ping.id(), nowMs);
    }
  }

  @Override
  public void onMessage(ServerMessage message, long nowMs) {
    if (message instanceof Pong pong) {
      roundTrip.onPong(pong.id(), nowMs);
    }
    publish();
  }

  @Override
  public void onTick(Session.State state, boolean everJoined, boolean serverSilent, long nowMs) {
    connection = ConnectionState.of(state, everJoined, serverSilent);
    publish();
  }

  /** What the line says now. */
  StatusLine.Report report() {
    return new StatusLine.Report(
        address, roster.online(), connection.label, roundTrip.lastMs(), roster.remark(roster.me()));
  }

  private void publish() {
    StatusLine.Report report = report();
    if (!report.equals(last)) {
      last = report;
      sink.showStatus(report);
    }
  }
}
