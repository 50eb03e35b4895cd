package udpchat.server.door;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The replies one source that is not a member may be sent: a burst, then a few a minute. */
class SourceBudgetTest {

  final SourceBudget budget = new SourceBudget();
  final InetSocketAddress alice = new InetSocketAddress("127.0.0.1", 40001);

  @Test
  void aBurstThenOneEveryRefill() {
    for (int i = 0; i < SourceBudget.BURST; i++) {
      assertThat(budget.take(alice, 0)).as("reply %d", i + 1).isTrue();
    }
    assertThat(budget.take(alice, 0)).isFalse();
    assertThat(budget.take(alice, SourceBudget.REFILL_MS - 1)).isFalse();
    assertThat(budget.take(alice, SourceBudget.REFILL_MS)).isTrue();
    assertThat(budget.take(alice, SourceBudget.REFILL_MS)).isFalse();
  }

  @Test
  void aQuietSourceGetsItsBurstBackButNoMore() {
    for (int i = 0; i < SourceBudget.BURST; i++) {
      budget.take(alice, 0);
    }
    long later = SourceBudget.REFILL_MS * SourceBudget.BURST * 100;
    int granted = 0;
    while (budget.take(alice, later)) {
      granted++;
    }
    assertThat(granted).isEqualTo(SourceBudget.BURST);
  }

  @Test
  void aClockThatGoesBackAddsNothing() {
    for (int i = 0; i < SourceBudget.BURST; i++) {
      budget.take(alice, 1_000_000);
    }
    assertThat(budget.take(alice, 0)).isFalse();
  }

  @Test
  void oneSourceSpendingItsBudgetLeavesMostOthersTheirs() {
    for (int i = 0; i < 1000; i++) {
      budget.take(alice, 0);
    }
    int served = 0;
    for (int port = 50000; port < 51000; port++) {
      if (budget.take(new InetSocketAddress("127.0.0.1", port), 0)) {
        served++;
      }
    }
    // Only a source that shares alice's slot of the table shares her empty budget.
    assertThat(served).isGreaterThanOrEqualTo(995);
  }
}
