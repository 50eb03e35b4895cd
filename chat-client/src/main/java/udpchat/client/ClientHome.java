package udpchat.client;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The client's data folder ({@code -Dudpchat.home}, or {@code ~/.udpchat}) and the files in it: the
 * line history, which holds what the user typed (private messages included), and the log. Each is
 * created private to the user at creation, the folder 0700 and the files 0600, never loosened after
 * (a window in which others could open them); what already exists is left as the user set it.
 */
final class ClientHome {

  static final String HISTORY = "history";
  static final String LOG = "client.log";

  private ClientHome() {}

  /** The folder: -Dudpchat.home, or ~/.udpchat. */
  static Path folder() {
    String configured = System.getProperty("udpchat.home");
    return configured != null
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".udpchat");
  }

  /**
   * Makes the folder and its files, before anything is logged: the log's appender would otherwise
   * create both with the process's default modes. Returns the folder.
   */
  static Path prepare(Path folder) throws IOException {
    Files.createDirectories(folder, posix("rwx------"));
    for (String name : new String[] {HISTORY, LOG}) {
      try {
        Files.createFile(folder.resolve(name), posix("rw-------"));
      } catch (FileAlreadyExistsException e) {
        // kept as it is
      }
    }
    return folder;
  }

  private static FileAttribute<?>[] posix(String permissions) {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0]; // Windows: the user's profile folder is private already
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
    };
  }
}
