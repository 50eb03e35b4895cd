package udpchat.secure.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import udpchat.secure.transport.ReplayWindow.Verdict;

/** The replay window at exact counters: copies, late arrivals, the window's edge, long jumps. */
class ReplayWindowTest {

  private final ReplayWindow window = new ReplayWindow();

  private void accept(long counter) {
    assertThat(window.check(counter)).isEqualTo(Verdict.FRESH);
    window.accept(counter);
  }

  @Test
  void eachCounterOnceInOrderOrNot() {
    assertThat(window.highest()).isEqualTo(-1);
    accept(0);
    accept(2);
    accept(1); // late, not a copy
    assertThat(window.check(1)).isEqualTo(Verdict.REPLAYED);
    assertThat(window.check(2)).isEqualTo(Verdict.REPLAYED);
    assertThat(window.check(0)).isEqualTo(Verdict.REPLAYED);
    assertThat(window.highest()).isEqualTo(2);
  }

  @Test
  void checkingRemembersNothing() {
    assertThat(window.check(7)).isEqualTo(Verdict.FRESH);
    assertThat(window.check(7)).isEqualTo(Verdict.FRESH);
    assertThat(window.highest()).isEqualTo(-1);
  }

  @Test
  void theOldestCounterTakenIsAWindowBelowTheHighest() {
    accept(ReplayWindow.SIZE);
    assertThat(window.check(0)).isEqualTo(Verdict.TOO_OLD); // SIZE below: forgotten, refused
    accept(1); // SIZE - 1 below: still told apart
    assertThat(window.check(1)).isEqualTo(Verdict.REPLAYED);
  }

  @Test
  void aStepForwardForgetsOnlyWhatFellOutOfTheWindow() {
    accept(5);
    accept(5 + ReplayWindow.SIZE - 1);
    assertThat(window.check(5)).isEqualTo(Verdict.REPLAYED); // still inside
    accept(5 + 3L * ReplayWindow.SIZE); // a long jump clears it all
    accept(5 + 2L * ReplayWindow.SIZE + 1);
    assertThat(window.check(5 + 2L * ReplayWindow.SIZE + 1)).isEqualTo(Verdict.REPLAYED);
    assertThat(window.check(5 + 3L * ReplayWindow.SIZE)).isEqualTo(Verdict.REPLAYED);
    // A counter whose slot was reused by a newer one, yet inside the window, is fresh.
    assertThat(window.check(5 + 2L * ReplayWindow.SIZE + 2)).isEqualTo(Verdict.FRESH);
  }

  @Test
  void aStepForwardClearsTheSlotsItPassesOver() {
    accept(10);
    accept(11);
    accept(11 + ReplayWindow.SIZE); // passes over 10 + SIZE, whose slot held 10
    assertThat(window.check(10 + ReplayWindow.SIZE)).isEqualTo(Verdict.FRESH);
    assertThat(window.check(11 + ReplayWindow.SIZE)).isEqualTo(Verdict.REPLAYED);
    assertThat(window.check(10)).isEqualTo(Verdict.TOO_OLD);
    assertThat(window.check(11)).isEqualTo(Verdict.TOO_OLD);
  }

  @Test
  void counterBeyond2To63IsNeverFreshAndAcceptRefusesWhatIsNot() {
    assertThat(window.check(Long.MIN_VALUE)).isEqualTo(Verdict.TOO_OLD);
    assertThat(window.check(-1L)).isEqualTo(Verdict.TOO_OLD);
    accept(3);
    assertThatThrownBy(() -> window.accept(3)).isInstanceOf(IllegalStateException.class);
  }
}
