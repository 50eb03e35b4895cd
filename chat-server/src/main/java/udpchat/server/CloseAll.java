package udpchat.server;

/**
 * Closes several things in the order given, each one even when one before it failed: the first
 * failure is thrown at the end with the others added to it as suppressed, so a failing step never
 * leaves a thread running or a file open.
 */
public final class CloseAll {

  private CloseAll() {}

  public static void inOrder(AutoCloseable... steps) throws Exception {
    Exception first = null;
    for (AutoCloseable step : steps) {
      if (step == null) {
        continue;
      }
      try {
        step.close();
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt(); // the rest still closes; the caller learns of it
        }
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * Closes {@code opened} in order after {@code cause} stopped a start: their own failures are
   * added to it as suppressed, so the caller throws the one that matters.
   */
  public static void afterFailure(Exception cause, AutoCloseable... opened) {
    try {
      inOrder(opened);
    } catch (Exception e) {
      cause.addSuppressed(e);
    }
  }
}
