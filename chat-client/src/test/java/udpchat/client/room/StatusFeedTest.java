package udpchat.client.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import udpchat.client.session.Session;
import udpchat.client.session.SessionListener;
import udpchat.client.view.StatusSink;
import udpchat.protocol.Notice;
import udpchat.protocol.Ping;
import udpchat.protocol.Pong;
import udpchat.protocol.Welcome;

/** The status line's facts, at exact instants. */
class StatusFeedTest {

  static final String TOKEN = "AAAAAAAAAAAAAAAAAAAAAA";

  final Roster roster = new Roster();
  final List<StatusSink.Report> shown = new ArrayList<>();
  final StatusFeed feed = new StatusFeed("127.0.0.1:9999", roster, shown::add);
  final SessionListener both = SessionListener.all(roster, feed);

  StatusSink.Report last() {
    return shown.get(shown.size() - 1);
  }

  @Test
  void theCountFollowsTheRoomAndTheLineIsSentOnlyWhenItChanges() {
    both.onTick(Session.State.JOINING, false, false, 0);
    assertThat(last())
        .isEqualTo(new StatusSink.Report("127.0.0.1:9999", 0, "connecting", -1, null));
    both.onTick(Session.State.JOINING, false, false, 50);
    assertThat(shown).hasSize(1);

    both.onMessage(new Welcome(TOKEN, "alice", 5000, 15000, 2, 1, 0, 0), 100);
    both.onTick(Session.State.JOINED, true, false, 100);
    assertThat(last().online()).isEqualTo(2);
    assertThat(last().connection()).isEqualTo("connected");
    both.onMessage(Notice.unnumbered(Notice.Kind.JOINED.wire(), "carol", 3), 200);
    assertThat(last().online()).isEqualTo(3);
    both.onMessage(Notice.unnumbered(Notice.Kind.LEFT.wire(), "carol", 2), 300);
    assertThat(last().online()).isEqualTo(2);
  }

  @Test
  void theConnectionStateNamesEveryStateOfTheSession() {
    assertThat(ConnectionState.of(Session.State.JOINING, false, false).label)
        .isEqualTo("connecting");
    assertThat(ConnectionState.of(Session.State.JOINING, true, false).label)
        .isEqualTo("reconnecting");
    assertThat(ConnectionState.of(Session.State.JOINED, true, false).label).isEqualTo("connected");
    assertThat(ConnectionState.of(Session.State.JOINED, true, true).label).isEqualTo("no reply");
    assertThat(ConnectionState.of(Session.State.EXPIRED, true, false).label).contains("/hb on");
    assertThat(ConnectionState.of(Session.State.NAME_REFUSED, false, false).label)
        .contains("/nick");
    assertThat(ConnectionState.of(Session.State.LEFT, true, false).label).isEqualTo("left");
  }

  @Test
  void theRoundTripIsFromThePingToThePongWithItsId() {
    both.onSent(new Ping(TOKEN, 7), 1000);
    both.onSent(new Ping(TOKEN, 8), 6000);
    both.onMessage(new Pong(7), 1012);
    assertThat(last().rttMs()).isEqualTo(12);
    both.onMessage(new Pong(7), 1500); // a duplicate: no new measure
    assertThat(last().rttMs()).isEqualTo(12);
    both.onMessage(new Pong(8), 6000);
    assertThat(last().rttMs()).isZero();
    both.onMessage(new Pong(99), 7000); // never sent
    assertThat(last().rttMs()).isZero();
  }

  @Test
  void onlyTheLastPingsAreRemembered() {
    RoundTrip roundTrip = new RoundTrip();
    for (long id = 1; id <= RoundTrip.OUTSTANDING + 1; id++) {
      roundTrip.onPingSent(id, id * 1000);
    }
    assertThat(roundTrip.onPong(1, 20_000)).as("the oldest, forgotten").isFalse();
    assertThat(roundTrip.lastMs()).isEqualTo(-1);
    assertThat(roundTrip.onPong(2, 2_005)).isTrue();
    assertThat(roundTrip.lastMs()).isEqualTo(5);
  }
}
