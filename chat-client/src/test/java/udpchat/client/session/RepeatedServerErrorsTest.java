package udpchat.client.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import udpchat.client.ScriptedView;
import udpchat.client.view.Event;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.json.Codec;

/**
 * The same error from the server again and again is one line and then one with the count, not a
 * line each (before: 12 errors, 12 lines); a different error, or the same after a quiet while, is
 * shown at once. Decided at exact instants: no socket, no sleeping.
 */
public class RepeatedServerErrorsTest {

  static final ErrorReply SLOW_DOWN = new ErrorReply(ErrorReply.MALFORMED, "slow down", 0, null);
  static final long QUIET_MS = 5000;

  final ScriptedView view = new ScriptedView();
  final Session session =
      new Session(
          new SessionTest.RecordingTransport(),
          view,
          new Codec(),
          "alice",
          null,
          SessionTest.CLIENT);

  List<String> errors() {
    return view.events.stream().filter(e -> e.kind() == Event.Kind.ERROR).map(Event::text).toList();
  }

  void joinedAt(long nowMs) {
    session.start(nowMs);
    session.onMessage(SessionTest.welcome(SessionTest.TOKEN, 1), nowMs);
  }

  @Test
  void twelveIdenticalErrorsAreOneLineThenOneWithTheCount() {
    joinedAt(0);
    for (int i = 0; i < 12; i++) {
      session.onMessage(SLOW_DOWN, 1000 + i * 100L);
      session.onTick(1000 + i * 100L);
    }
    assertThat(errors()).containsExactly("slow down");

    long lastMs = 1000 + 11 * 100L;
    session.onTick(lastMs + QUIET_MS - 1);
    assertThat(errors()).containsExactly("slow down");
    session.onTick(lastMs + QUIET_MS);
    assertThat(errors()).containsExactly("slow down", "slow down (x12)");
    session.onTick(lastMs + 3 * QUIET_MS);
    assertThat(errors()).hasSize(2); // said once
  }

  @Test
  void aLongRunIsCountedEveryQuietWhileNotOnlyAtTheEnd() {
    joinedAt(0);
    for (long t = 1000; t <= 1000 + 2 * QUIET_MS; t += 100) {
      session.onMessage(SLOW_DOWN, t);
      session.onTick(t);
    }
    // The first at once, then the count each time the run has gone on for the window.
    assertThat(errors()).containsExactly("slow down", "slow down (x51)", "slow down (x101)");
  }

  @Test
  void aDifferentErrorEndsTheRunAndTheSameLaterIsShownAgain() {
    joinedAt(0);
    session.onMessage(SLOW_DOWN, 1000);
    session.onMessage(SLOW_DOWN, 1100);
    session.onMessage(new ErrorReply(ErrorReply.MALFORMED, "something else", 0, null), 1200);
    assertThat(errors()).containsExactly("slow down", "slow down (x2)", "something else");

    session.onMessage(SLOW_DOWN, 1300);
    session.onMessage(SLOW_DOWN, 1300 + QUIET_MS + 1000); // long after the last: a new run
    assertThat(errors())
        .containsExactly("slow down", "slow down (x2)", "something else", "slow down", "slow down");
  }
}
