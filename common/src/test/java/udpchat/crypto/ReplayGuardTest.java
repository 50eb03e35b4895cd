package udpchat.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The replay guard: a window per address and process, and a bounded number of them. */
class ReplayGuardTest {

  static final InetSocketAddress ALICE = new InetSocketAddress("127.0.0.1", 40001);
  static final InetSocketAddress BOB = new InetSocketAddress("127.0.0.1", 40002);

  @Test
  void eachAddressAndProcessHasAWindowOfItsOwn() {
    ReplayGuard guard = new ReplayGuard(10);
    assertThat(guard.fresh(ALICE, 7, 1)).isTrue();
    assertThat(guard.fresh(ALICE, 7, 1)).isFalse();
    assertThat(guard.fresh(BOB, 7, 1)).isTrue(); // another address: its first
    // A new process at alice's address: far from the old counters, and no trouble to them.
    assertThat(guard.fresh(ALICE, 8, 1L << 40)).isTrue();
    assertThat(guard.fresh(ALICE, 7, 2)).isTrue();
    assertThat(guard.fresh(ALICE, 8, (1L << 40) + 1)).isTrue();
    assertThat(guard.fresh(ALICE, 7, 1)).isFalse();
    assertThat(guard.senders()).isEqualTo(3);
  }

  @Test
  void remembersAtMostItsSendersTheLeastRecentlyHeardForgottenFirst() {
    ReplayGuard guard = new ReplayGuard(2);
    guard.fresh(ALICE, 1, 1);
    guard.fresh(BOB, 1, 1);
    guard.fresh(ALICE, 1, 2); // alice heard from last
    guard.fresh(ALICE, 2, 1); // a third sender: bob's window goes
    assertThat(guard.senders()).isEqualTo(2);
    assertThat(guard.fresh(ALICE, 1, 2)).isFalse();
    assertThat(guard.fresh(BOB, 1, 1)).isTrue(); // forgotten: its next datagram starts a window
  }
}
