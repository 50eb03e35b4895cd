package udpchat.client.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The view's own thread: showing never waits for the terminal, and a full queue is said. */
@Timeout(30)
class QueuedViewTest {

  /** A terminal stuck until the test lets it go. */
  static final class StuckView implements View {
    final CountDownLatch released = new CountDownLatch(1);
    final List<Event> drawn = new CopyOnWriteArrayList<>();

    @Override
    public String readLine(String prompt) {
      return null;
    }

    @Override
    public void show(Event event) {
      try {
        released.await(20, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      drawn.add(event);
    }

    @Override
    public void close() {}
  }

  @Test
  void showingReturnsWhileTheTerminalIsStuckAndLinesAreDrawnInOrder() throws Exception {
    StuckView terminal = new StuckView();
    QueuedView view = new QueuedView(terminal, StatusSink.NONE, 100);
    for (int i = 0; i < 50; i++) {
      view.show(Event.notice(Instant.EPOCH, "line " + i)); // returns: the terminal is stuck
    }
    assertThat(terminal.drawn).isEmpty();

    terminal.released.countDown();
    assertThat(view.flush(Duration.ofSeconds(10))).isTrue();

    assertThat(terminal.drawn).extracting(Event::text).first().isEqualTo("line 0");
    assertThat(terminal.drawn).extracting(Event::text).last().isEqualTo("line 49");
    assertThat(terminal.drawn).hasSize(50);
    assertThat(view.dropped()).isZero();
    view.close();
  }

  @Test
  void aTerminalTooFarBehindLosesLinesCountedAndSaid() throws Exception {
    StuckView terminal = new StuckView();
    QueuedView view = new QueuedView(terminal, StatusSink.NONE, 10);
    for (int i = 0; i < 25; i++) {
      view.show(Event.notice(Instant.EPOCH, "line " + i));
    }
    // One is being drawn (stuck), ten wait: the rest are dropped.
    assertThat(view.dropped()).isBetween(14L, 15L);

    terminal.released.countDown();
    assertThat(view.flush(Duration.ofSeconds(10))).isTrue();

    assertThat(terminal.drawn)
        .filteredOn(e -> e.kind() == Event.Kind.ERROR)
        .extracting(Event::text)
        .containsExactly(view.dropped() + " line(s) not shown: the terminal fell too far behind");
    view.close();
  }

  @Test
  void ofTheStatusLineOnlyTheLatestIsDrawn() throws Exception {
    StuckView terminal = new StuckView();
    List<StatusSink.Report> statuses = new CopyOnWriteArrayList<>();
    QueuedView view = new QueuedView(terminal, statuses::add, 100);
    view.show(Event.notice(Instant.EPOCH, "holds the thread"));
    StatusSink.Report first = report(1);
    StatusSink.Report last = report(3);
    view.showStatus(first);
    view.showStatus(report(2));
    view.showStatus(last);

    terminal.released.countDown();
    assertThat(view.flush(Duration.ofSeconds(10))).isTrue();

    assertThat(statuses).containsExactly(last);
    view.close();
  }

  private static StatusSink.Report report(int online) {
    return new StatusSink.Report("127.0.0.1:9999", online, "connected", 1, null);
  }
}
