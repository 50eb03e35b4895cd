package udpchat.cli;

import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The picocli command line every program runs: a usage error is said in one line with a hint, exit
 * status 2, never the whole help (75 to 100 lines that hide the one that matters) and never a stack
 * trace.
 */
public final class CommandLines {

  /** The exit status of a usage error, as most Unix programs give it. */
  public static final int USAGE = 2;

  private CommandLines() {}

  /** A command line for {@code command}, usage errors said as above. */
  public static CommandLine of(Object command) {
    CommandLine line = new CommandLine(command);
    line.setParameterExceptionHandler(CommandLines::usageError);
    return line;
  }

  /** A file problem in a few words: {@code /etc/passwd (FileAlreadyExistsException)}. */
  public static String describe(FileSystemException problem) {
    return problem.getFile()
        + " ("
        + problem.getClass().getSimpleName()
        + (problem.getReason() == null ? "" : ": " + problem.getReason())
        + ")";
  }

  private static int usageError(ParameterException error, String[] args) {
    CommandLine line = error.getCommandLine();
    PrintWriter err = line.getErr();
    String message = error.getMessage() == null ? "bad arguments" : error.getMessage();
    err.println(line.getCommandName() + ": " + message.lines().findFirst().orElse(message));
    err.println("try --help for the options");
    err.flush();
    return USAGE;
  }
}
