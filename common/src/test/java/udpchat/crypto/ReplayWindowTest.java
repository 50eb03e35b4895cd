package udpchat.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The replay window at exact counters: the edges of the window, late arrivals and the wrap. */
class ReplayWindowTest {

  @Test
  void takesEachCounterOnceInOrderOrNot() {
    ReplayWindow window = new ReplayWindow(100);
    assertThat(window.fresh(100)).isFalse();
    assertThat(window.fresh(102)).isTrue();
    assertThat(window.fresh(101)).isTrue(); // late, not a copy
    assertThat(window.fresh(101)).isFalse();
    assertThat(window.fresh(102)).isFalse();
    assertThat(window.fresh(99)).isTrue(); // below the first, still within the window
    assertThat(window.fresh(99)).isFalse();
  }

  @Test
  void refusesWhatIsTooFarBelowTheHighestToTell() {
    ReplayWindow window = new ReplayWindow(0);
    assertThat(window.fresh(ReplayWindow.SIZE)).isTrue();
    assertThat(window.fresh(0)).isFalse(); // a window's width below: forgotten, so refused
    assertThat(window.fresh(1)).isTrue(); // the oldest it still tells
    assertThat(window.fresh(1)).isFalse();
  }

  @Test
  void aStepForwardForgetsOnlyWhatFellOutOfTheWindow() {
    ReplayWindow window = new ReplayWindow(5);
    assertThat(window.fresh(5 + ReplayWindow.SIZE - 1)).isTrue();
    assertThat(window.fresh(5)).isFalse(); // still inside: remembered
    assertThat(window.fresh(5 + 3 * ReplayWindow.SIZE)).isTrue(); // a long jump clears it all
    assertThat(window.fresh(5 + 2 * ReplayWindow.SIZE + 1)).isTrue();
    assertThat(window.fresh(5 + 2 * ReplayWindow.SIZE + 1)).isFalse();
    assertThat(window.fresh(5 + 3 * ReplayWindow.SIZE)).isFalse();
  }

  @Test
  void theCounterWrapsFromMinusOneToZeroAsAStepForward() {
    ReplayWindow window = new ReplayWindow(-2);
    assertThat(window.fresh(-1)).isTrue();
    assertThat(window.fresh(0)).isTrue();
    assertThat(window.fresh(-2)).isFalse();
    assertThat(window.fresh(-3)).isTrue();
    assertThat(window.fresh(1)).isTrue();
    assertThat(window.fresh(0)).isFalse();
  }
}
