package udpchat.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders only their owner may read: created 0600 and 0700, the modes given at creation
 * (not set after it, which would leave a moment when others could open them). The process's umask
 * can only take permissions away, so these are the modes on disk.
 *
 * <p>On a file system without POSIX permissions (none that udpchat supports) the system's defaults
 * apply.
 */
public final class PrivateFiles {

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private static final FileAttribute<?>[] FILE =
      attributes(
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));

  private static final FileAttribute<?>[] FOLDER =
      attributes(
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));

  private PrivateFiles() {}

  /**
   * Creates {@code folder} and any missing parents, each 0700; an existing one is left as it is.
   */
  public static Path createFolders(Path folder) throws IOException {
    return Files.createDirectories(folder, FOLDER);
  }

  /** Opens {@code file}, created 0600 when {@code options} create it. */
  public static FileChannel open(Path file, OpenOption... options) throws IOException {
    return FileChannel.open(file, Set.of(options), FILE);
  }

  /** Creates the new file {@code file}, 0600; fails when it exists. */
  public static Path createFile(Path file) throws IOException {
    return Files.createFile(file, FILE);
  }

  private static FileAttribute<?>[] attributes(FileAttribute<?> posix) {
    return POSIX ? new FileAttribute<?>[] {posix} : new FileAttribute<?>[0];
  }
}
