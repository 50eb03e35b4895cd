package udpchat.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A fault that repeats every 10 ms is a few log lines a minute, each occurrence counted. */
class RepeatedFaultTest {

  final ListAppender<ILoggingEvent> log = new ListAppender<>();
  final Logger logger = (Logger) LoggerFactory.getLogger(RepeatedFaultTest.class);
  final AtomicLong now = new AtomicLong(1_000);
  final RepeatedFault fault = new RepeatedFault(logger, "the test's task", now::get);

  @BeforeEach
  void listen() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void stopListening() {
    logger.detachAppender(log);
  }

  @Test
  void theFirstIsLoggedWithItsCauseThenACountAtMostEveryTenSeconds() {
    IllegalStateException disk = new IllegalStateException("No space left on device");
    for (int tick = 0; tick < 6000; tick++) { // a minute of a 10 ms task failing every time
      fault.occurred(disk);
      now.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
    }

    assertThat(fault.total()).isEqualTo(6000);
    assertThat(log.list).hasSize(6); // the first, then one every 10 s of the 60
    ILoggingEvent first = log.list.get(0);
    assertThat(first.getFormattedMessage())
        .isEqualTo(
            "the test's task failed, and goes on (later failures are counted):"
                + " java.lang.IllegalStateException: No space left on device");
    assertThat(first.getThrowableProxy().getMessage()).isEqualTo("No space left on device");
    assertThat(log.list.get(1).getFormattedMessage())
        .isEqualTo(
            "the test's task failed 1000 more time(s) in the last 10 s, latest:"
                + " java.lang.IllegalStateException: No space left on device");
    assertThat(log.list.get(1).getThrowableProxy()).isNull(); // one stack trace, not thousands
  }
}
