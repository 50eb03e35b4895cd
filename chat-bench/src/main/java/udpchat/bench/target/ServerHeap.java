package udpchat.bench.target;

import java.util.List;

/**
 * The heap a chat server child process gets: the one {@code run.sh}'s {@code server_heap_mb} gives
 * {@code ./run.sh server}, 128 MB plus 2 KB for each member of {@code --max-members} and each event
 * of {@code --history} (1000 each by default), so that the bench measures the server as it is run,
 * not with the JVM's default of a quarter of the machine. The two must stay the same formula.
 */
final class ServerHeap {

  static final int BASE_MB = 128;
  static final int DEFAULT_MEMBERS = 1000;
  static final int DEFAULT_HISTORY = 1000;

  private ServerHeap() {}

  /** The {@code -Xmx} option for a server started with {@code args}. */
  static String option(List<String> args) {
    return "-Xmx" + mb(args) + "m";
  }

  /** The heap in MB for a server started with {@code args} (the last of each option counts). */
  static long mb(List<String> args) {
    long members = value(args, "--max-members", DEFAULT_MEMBERS);
    long history = value(args, "--history", DEFAULT_HISTORY);
    return BASE_MB + (members * 2 + history * 2) / 1024;
  }

  private static long value(List<String> args, String option, long fallback) {
    long value = fallback;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String text = null;
      if (arg.equals(option) && i + 1 < args.size()) {
        text = args.get(i + 1);
      } else if (arg.startsWith(option + "=")) {
        text = arg.substring(option.length() + 1);
      }
      if (text != null) {
        // As run.sh: what is not 1 to 7 digits the server refuses with its own error.
        value = text.matches("[0-9]{1,7}") ? Long.parseLong(text) : fallback;
      }
    }
    return value;
  }
}
