package udpchat.client.session;

import static org.assertj.core.api.Assertions.assertThat;
import static udpchat.client.session.SessionTest.CLIENT;
import static udpchat.client.session.SessionTest.EPOCH;
import static udpchat.client.session.SessionTest.HEARTBEAT_MS;
import static udpchat.client.session.SessionTest.NEW_TOKEN;
import static udpchat.client.session.SessionTest.TOKEN;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import udpchat.client.ScriptedView;
import udpchat.client.session.SessionTest.RecordingTransport;
import udpchat.client.view.Event;
import udpchat.protocol.Chat;
import udpchat.protocol.Notice;
import udpchat.protocol.Private;
import udpchat.protocol.Retry;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;

/**
 * Every line of the room carries the time the server took it ({@code at}), not when it reached this
 * client: live, backlog, caught-up after a rejoin, and private lines alike. No socket, no sleeping.
 */
class TimeSaidTest {

  final RecordingTransport transport = new RecordingTransport();
  final ScriptedView view = new ScriptedView();
  final Session session = new Session(transport, view, new Codec(), "alice", null, CLIENT);

  static Welcome welcome(String token, long start, long head) {
    return new Welcome(token, "alice", HEARTBEAT_MS, 15_000, 2, EPOCH, start, head);
  }

  Event last() {
    return view.events.get(view.events.size() - 1);
  }

  @Test
  void aLiveLineShowsWhenTheServerTookItNotWhenItArrived() {
    session.start(0);
    session.onMessage(welcome(TOKEN, 0, 0), 0);
    session.onMessage(new Chat(1, 0L, 40_000, "bob", "hello", false, null, null), 47_000);
    assertThat(last().text()).isEqualTo("hello");
    assertThat(last().time()).isEqualTo(Instant.ofEpochMilli(40_000));
  }

  @Test
  void aPrivateLineAndANoticeShowTheServersTimeToo() {
    session.start(0);
    session.onMessage(welcome(TOKEN, 0, 0), 0);
    session.onMessage(new Private(1, 0L, 41_000, "bob", "alice", "psst"), 48_000);
    assertThat(last().kind()).isEqualTo(Event.Kind.PRIVATE);
    assertThat(last().time()).isEqualTo(Instant.ofEpochMilli(41_000));
    session.onMessage(
        new Notice(Notice.Kind.LEFT.wire(), "bob", null, 1, 2L, 1L, 42_000L, null, null), 49_000);
    assertThat(last().text()).contains("bob left");
    assertThat(last().time()).isEqualTo(Instant.ofEpochMilli(42_000));
  }

  @Test
  void aLateJoinersBacklogShowsWhenEachLineWasSaid() {
    session.start(600_000);
    session.onMessage(welcome(TOKEN, 0, 1), 600_000); // the room's head is event 1: the backlog
    session.onMessage(
        new Chat(1, 0L, 60_000, "bob", "before you came", false, null, null), 600_010);
    assertThat(last().old()).isTrue();
    assertThat(last().time()).isEqualTo(Instant.ofEpochMilli(60_000));
  }

  @Test
  void whatIsCaughtUpAfterARejoinShowsWhenItWasSaid() {
    session.start(0);
    session.onMessage(welcome(TOKEN, 0, 0), 0);
    session.onMessage(new Retry("KKKKKKKKKKKKKKKKKKKKKK"), 100_000); // the server lost us
    session.onMessage(welcome(NEW_TOKEN, 0, 0), 100_100);
    session.onMessage(new Chat(1, 0L, 90_000, "bob", "while away", false, null, null), 100_200);
    assertThat(last().text()).isEqualTo("while away");
    assertThat(last().old()).isFalse();
    assertThat(last().time()).isEqualTo(Instant.ofEpochMilli(90_000));
  }
}
