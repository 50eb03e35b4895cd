package udpchat.client.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import udpchat.client.ScriptedView;
import udpchat.protocol.Chat;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.Ping;
import udpchat.protocol.Pong;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;
import udpchat.time.SettableClock;
import udpchat.time.WallStamps;

/** The session's hooks: what a listener hears, and when, at exact instants. */
class SessionListenerTest {

  final List<String> heard = new ArrayList<>();
  final SessionTest.RecordingTransport transport = new SessionTest.RecordingTransport();
  final SettableClock clock = new SettableClock(0); // what the watched transport reads

  final SessionListener listener =
      new SessionListener() {
        @Override
        public void onSent(ClientMessage message, long nowMs) {
          heard.add("sent " + message.getClass().getSimpleName() + " at " + nowMs);
        }

        @Override
        public void onMessage(ServerMessage message, long nowMs) {
          heard.add("got " + message.getClass().getSimpleName() + " at " + nowMs);
        }

        @Override
        public void onTick(
            Session.State state, boolean everJoined, boolean serverSilent, long nowMs) {
          heard.add("tick " + state + " " + everJoined + " " + serverSilent + " at " + nowMs);
        }
      };

  @Test
  void aListenerHearsWhatIsSentWhatArrivesAndTheStateAtEachTick() {
    Session session =
        new Session(
            Transport.watched(transport, clock, listener),
            new ScriptedView(),
            new Codec(),
            "alice",
            null,
            WallStamps.UNCONVERTED);
    session.listen(listener);
    session.start(0);
    session.onTick(50);
    session.onMessage(SessionTest.welcome(SessionTest.TOKEN, 1), 60);
    session.onTick(100);
    clock.set(5060);
    session.onTick(5060); // the first ping is due
    session.onMessage(new Pong(((Ping) transport.sent.get(transport.sent.size() - 1)).id()), 5070);

    assertThat(heard)
        .containsExactly(
            "sent Join at 0",
            "tick JOINING false false at 50",
            "got Welcome at 60",
            "tick JOINED true false at 100",
            "sent Ping at 5060",
            "tick JOINED true false at 5060",
            "got Pong at 5070");
  }

  @Test
  void roomEventsAreHeardOnceEachInTheRoomsOrderAndHistoryIsNot() {
    Session session =
        new Session(transport, new ScriptedView(), new Codec(), "alice", null, SessionTest.CLIENT);
    session.listen(listener);
    session.start(0);
    // Joined with a backlog: event 1 was before us; 2 and 3 are live, and arrive swapped and twice.
    session.onMessage(
        new Welcome(SessionTest.TOKEN, "alice", 5000, 15000, 2, SessionTest.EPOCH, 0, 1), 10);
    heard.clear();
    session.onMessage(new Chat(1, 0L, 5, "bob", "before you came", false, null, null), 20);
    session.onMessage(new Chat(3, 2L, 7, "bob", "two", false, null, null), 30);
    session.onMessage(new Chat(2, 1L, 6, "bob", "one", false, null, null), 40);
    session.onMessage(new Chat(3, 2L, 7, "bob", "two", false, null, null), 50);

    assertThat(heard).containsExactly("got Chat at 40", "got Chat at 40");
  }
}
