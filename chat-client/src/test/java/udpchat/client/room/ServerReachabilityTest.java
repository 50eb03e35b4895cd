package udpchat.client.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import udpchat.client.ScriptedView;
import udpchat.client.session.Session;
import udpchat.client.view.Event;
import udpchat.protocol.Pong;
import udpchat.time.WallStamps;

/** What the user is told about a server that cannot be reached, decided at exact instants. */
class ServerReachabilityTest {

  static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 42001);
  final ScriptedView view = new ScriptedView();
  final Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
  final ServerReachability open = new ServerReachability(view, SERVER, false, WallStamps.of(clock));

  long said(String text) {
    return view.events.stream().filter(e -> e.text() != null && e.text().contains(text)).count();
  }

  void tick(ServerReachability reachability, Session.State state, long fromMs, long toMs) {
    for (long t = fromMs; t <= toMs; t += 10) {
      reachability.onTick(state, false, false, t);
    }
  }

  @Test
  void aJoinWithoutAnyAnswerIsSaidToHaveNoneAfterAFewSecondsOnce() {
    tick(open, Session.State.JOINING, 0, ServerReachability.NO_ANSWER_MS - 10);
    assertThat(said("no server answers")).isZero();
    tick(open, Session.State.JOINING, ServerReachability.NO_ANSWER_MS, 30_000);
    assertThat(said("no server answers at 127.0.0.1:42001 after 3s; still trying")).isOne();
    assertThat(said("a private room answers only clients with its key: --room-key-file")).isOne();
  }

  @Test
  void withARoomKeyTheSilenceMayBeTheWrongKey() {
    ServerReachability sealed = new ServerReachability(view, SERVER, true, WallStamps.of(clock));
    tick(sealed, Session.State.JOINING, 0, ServerReachability.NO_ANSWER_MS);
    assertThat(said("wrong room key? (a private room answers only clients with its key")).isOne();
  }

  @Test
  void anAnswerOfAnyKindMeansTheServerIsThere() {
    tick(open, Session.State.JOINING, 0, 100);
    open.onMessage(new Pong(1), 100);
    tick(open, Session.State.JOINING, 100, 30_000);
    assertThat(view.events).isEmpty();
  }

  @Test
  void nothingListeningIsSaidOnceUntilTheServerIsHeardAndThenAgain() {
    open.onPortUnreachable();
    open.onPortUnreachable();
    assertThat(
            said(
                "nothing is listening at 127.0.0.1:42001 (is the server running?); trying again"
                    + " every 5s at most"))
        .isOne();
    open.onMessage(new Pong(1), 0);
    tick(open, Session.State.JOINED, 0, 0);
    open.onPortUnreachable();
    assertThat(said("nothing is listening")).isEqualTo(2);
    assertThat(view.events).allMatch(e -> e.kind() == Event.Kind.ERROR);
  }

  @Test
  void sendFailuresAreAllCountedAndTheFirstIsSaid() {
    open.onSendFailed(new IOException("Network is unreachable"), true);
    open.onSendFailed(new IOException("Network is unreachable"), true);
    open.onSendFailed(new PortUnreachableException(), false);
    assertThat(open.sendFailures()).isEqualTo(3);
    assertThat(said("cannot send to 127.0.0.1:42001: java.io.IOException: Network is unreachable"))
        .isOne();
  }

  @Test
  void afterLeavingNothingIsSaid() {
    tick(open, Session.State.LEFT, 0, 0);
    open.onPortUnreachable();
    assertThat(view.events).isEmpty();
  }
}
