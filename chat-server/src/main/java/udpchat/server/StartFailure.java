package udpchat.server;

import java.net.BindException;
import java.nio.file.FileSystemException;
import udpchat.cli.CommandLines;
import udpchat.net.Addresses;

/**
 * The one line a start that failed through no bug tells the user: the port taken, the data folder
 * refused. A user's mistake, not a bug: no stack trace.
 */
final class StartFailure {

  private StartFailure() {}

  /** What {@code failure} means for a server started with {@code config}, and what to do. */
  static String explain(Exception failure, ServerConfig config) {
    // The kinds of exception are the JDK's (and StartRefused's own message says it all).
    if (failure instanceof BindException) {
      return "cannot listen on UDP "
          + Addresses.format(config.bind())
          + ": "
          + failure.getMessage()
          + " (another server on that port? --port chooses another)";
    }
    if (failure instanceof FileSystemException fileProblem) {
      // Most often --data naming a file, or a folder this user may not write.
      return "cannot use " + CommandLines.describe(fileProblem) + "; --data chooses the folder";
    }
    return failure.getMessage();
  }
}
