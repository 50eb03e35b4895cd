package udpchat.files;

import java.nio.file.Path;

/** Where udpchat keeps its files: {@code -Dudpchat.home=DIR}, else {@code ~/.udpchat}. */
public final class UdpchatHome {

  private UdpchatHome() {}

  /**
   * The folder. {@code ~} is the user's {@code $HOME}, as the shell has it: Java's {@code
   * user.home} comes from the password database, so {@code HOME=/tmp/x} would be ignored.
   */
  public static Path folder() {
    String configured = System.getProperty("udpchat.home");
    if (configured != null && !configured.isBlank()) { // an empty one would mean the current folder
      return Path.of(configured);
    }
    String home = System.getenv("HOME");
    return Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"))
        .resolve(".udpchat");
  }
}
