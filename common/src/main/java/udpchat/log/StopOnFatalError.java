package udpchat.log;

import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a program does when one of its threads dies of what it cannot survive (an {@link Error} such
 * as OutOfMemoryError or StackOverflowError, or a bug outside any loop's catch): it says which
 * thread and why in one log line with the cause, and stops with exit status {@link #EXIT_STATUS}. A
 * server without its sender, receiver or sweeper would otherwise run on half-dead, answering
 * nothing or expiring nobody, with no sign but a trace on standard error. Unexpected {@link
 * RuntimeException}s are caught by each loop, logged once and counted ({@link RepeatedFault}).
 */
public final class StopOnFatalError implements Thread.UncaughtExceptionHandler {

  /** EX_SOFTWARE of sysexits.h: an internal software error. */
  public static final int EXIT_STATUS = 70;

  private final Logger log;
  private final String program;
  private final IntConsumer exit;

  /**
   * @param program what stops, as the log line says it ("the server")
   * @param exit ends the process with the status it is given ({@code System::exit} outside tests)
   */
  public StopOnFatalError(Logger log, String program, IntConsumer exit) {
    this.log = log;
    this.program = program;
    this.exit = exit;
  }

  /** Makes it the handler of every thread that has none of its own: main calls it first. */
  public static void install(String program) {
    Thread.setDefaultUncaughtExceptionHandler(
        new StopOnFatalError(
            LoggerFactory.getLogger(StopOnFatalError.class), program, System::exit));
  }

  @Override
  public void uncaughtException(Thread thread, Throwable fault) {
    try {
      log.error(
          "thread {} died of {}: {} cannot go on without it and stops (exit status {})",
          thread.getName(),
          fault,
          program,
          EXIT_STATUS,
          fault);
    } finally {
      exit.accept(EXIT_STATUS); // even when logging itself failed (out of memory)
    }
  }
}
