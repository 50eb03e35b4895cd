package udpchat.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/** A thread that dies of an Error stops the program with one clear line, never half-dead. */
class StopOnFatalErrorTest {

  @Test
  @Timeout(10)
  void aThreadThatDiesNamesItselfAndItsCauseAndTheProgramExitsSeventy() throws Exception {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    Logger logger = (Logger) LoggerFactory.getLogger(StopOnFatalErrorTest.class);
    logger.addAppender(log);
    List<Integer> exits = new CopyOnWriteArrayList<>();
    try {
      Thread sender =
          new Thread(
              () -> {
                throw new OutOfMemoryError("Java heap space");
              },
              "udpchat-outbox");
      sender.setUncaughtExceptionHandler(new StopOnFatalError(logger, "the server", exits::add));
      sender.start();
      sender.join();
    } finally {
      logger.detachAppender(log);
    }
    assertThat(exits).containsExactly(StopOnFatalError.EXIT_STATUS);
    assertThat(log.list).hasSize(1);
    assertThat(log.list.get(0).getFormattedMessage())
        .isEqualTo(
            "thread udpchat-outbox died of java.lang.OutOfMemoryError: Java heap space: the server"
                + " cannot go on without it and stops (exit status 70)");
    assertThat(log.list.get(0).getThrowableProxy().getClassName())
        .isEqualTo("java.lang.OutOfMemoryError");
  }
}
