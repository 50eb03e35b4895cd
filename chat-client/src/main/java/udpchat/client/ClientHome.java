package udpchat.client;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import udpchat.files.PrivateFiles;
import udpchat.files.UdpchatHome;

/**
 * The client's data folder ({@code -Dudpchat.home}, or {@code ~/.udpchat}) and the files in it: the
 * line history, which holds what the user typed (private messages included), the servers' keys
 * ({@code known_servers}), and the log. Each is created private to the user at creation, the folder
 * 0700 and the files 0600, never loosened after (a window in which others could open them); what
 * already exists is left as the user set it.
 */
final class ClientHome {

  static final String HISTORY = "history";
  static final String LOG = "client.log";

  /**
   * The servers met and their keys (made 0600 by {@code KnownServers} when it first writes one, not
   * here: a missing file means no server met yet).
   */
  static final String KNOWN_SERVERS = "known_servers";

  private ClientHome() {}

  /** The folder: -Dudpchat.home, or ~/.udpchat of $HOME. */
  static Path folder() {
    return UdpchatHome.folder();
  }

  /**
   * Makes the folder and its files, before anything is logged: the log's appender would otherwise
   * create both with the process's default modes. Returns the folder.
   */
  static Path prepare(Path folder) throws IOException {
    PrivateFiles.createFolders(folder);
    for (String name : new String[] {HISTORY, LOG}) {
      try {
        PrivateFiles.createFile(folder.resolve(name));
      } catch (FileAlreadyExistsException e) {
        // kept as it is
      }
    }
    return folder;
  }
}
