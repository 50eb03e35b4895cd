package udpchat.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PeriodicTest {

  static final Clock FIXED = Clock.fixed(Instant.ofEpochMilli(1234), ZoneOffset.UTC);

  @Test
  void theTaskIsGivenTheClocksTimeOnAThreadNamedForItsRole() throws Exception {
    List<String> threads = new CopyOnWriteArrayList<>();
    List<Long> times = new CopyOnWriteArrayList<>();
    try (Periodic periodic =
        new Periodic(
            "udpchat-test-tick",
            Duration.ofMillis(5),
            FIXED,
            nowMs -> {
              times.add(nowMs);
              threads.add(Thread.currentThread().getName());
            })) {
      periodic.start().start(); // a second start does nothing
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> times.size() >= 3);
    }
    assertThat(times).allMatch(t -> t == 1234);
    assertThat(threads).allMatch("udpchat-test-tick"::equals);
  }

  @Test
  void aTaskThatThrowsRunsAgainAtTheNextTick() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    try (Periodic periodic =
        new Periodic(
            "udpchat-test-throws",
            Duration.ofMillis(5),
            FIXED,
            nowMs -> {
              calls.incrementAndGet();
              throw new IllegalStateException("expected by the test");
            })) {
      periodic.start();
      Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> calls.get() >= 3);
    }
  }

  /**
   * Before: the executor kept the Error in the task's future and never ran the task again, and
   * nobody heard of it: a sweeper alive but sweeping nothing.
   */
  @Test
  void anErrorGoesToTheThreadsHandlerAndTheTaskStops() throws Exception {
    Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
    List<String> heard = new CopyOnWriteArrayList<>();
    AtomicInteger calls = new AtomicInteger();
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, fault) -> heard.add(thread.getName() + ": " + fault));
    try (Periodic periodic =
        new Periodic(
            "udpchat-test-error",
            Duration.ofMillis(5),
            FIXED,
            nowMs -> {
              calls.incrementAndGet();
              throw new StackOverflowError("expected by the test");
            })) {
      periodic.start();
      Awaitility.await() // not Awaitility's own handler: the one under test hears it
          .dontCatchUncaughtExceptions()
          .atMost(Duration.ofSeconds(10))
          .until(() -> !heard.isEmpty());
      Thread.sleep(50); // ten intervals: a task that went on would have run again
    } finally {
      Thread.setDefaultUncaughtExceptionHandler(before);
    }
    assertThat(heard)
        .containsExactly("udpchat-test-error: java.lang.StackOverflowError: expected by the test");
    assertThat(calls).hasValue(1);
  }

  @Test
  void closeStopsTheThread() throws Exception {
    Periodic periodic = new Periodic("udpchat-test-close", Duration.ofMillis(5), FIXED, t -> {});
    periodic.start();
    periodic.close();
    // The executor reports termination just before its thread has quite ended: wait for that.
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().equals("udpchat-test-close") && t.isAlive()));
  }

  @Test
  void anIntervalBelowOneMillisecondIsRefused() {
    assertThatThrownBy(() -> new Periodic("x", Duration.ofNanos(10), FIXED, t -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
