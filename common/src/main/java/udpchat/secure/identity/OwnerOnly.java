package udpchat.secure.identity;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import udpchat.files.PrivateFiles;

/**
 * The two habits of the files that hold keys and trust: refuse one that others could read or
 * change, as ssh does, and replace one whole (a 0600 temporary file renamed over it), so a crash
 * leaves the old file or the new one, never half of either.
 */
final class OwnerOnly {

  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private OwnerOnly() {}

  /** Refuses {@code file} if anyone but its owner may do what {@code forbidden} says. */
  static void check(Path file, Set<PosixFilePermission> forbidden, String what) throws IOException {
    if (!POSIX) {
      return;
    }
    Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
    Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
    open.addAll(mode);
    open.retainAll(forbidden);
    if (!open.isEmpty()) {
      throw new IOException(
          what
              + " "
              + file
              + " is open to others ("
              + PosixFilePermissions.toString(mode)
              + "): chmod 600 it, or delete it if you did not make it so");
    }
  }

  /** Group and others reading or writing. */
  static Set<PosixFilePermission> readOrWrite() {
    return EnumSet.of(
        PosixFilePermission.GROUP_READ,
        PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.OTHERS_READ,
        PosixFilePermission.OTHERS_WRITE);
  }

  /** Group and others writing. */
  static Set<PosixFilePermission> write() {
    return EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);
  }

  /**
   * Writes {@code content} to {@code file} whole: a new 0600 file beside it (its folder made 0700
   * if missing), flushed to disk, then renamed over it.
   */
  static void replace(Path file, byte[] content) throws IOException {
    Path temp = writeBeside(file, content);
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Writes {@code content} to {@code file} whole, only if there is no such file: whether it did.
   * The complete file is hard-linked into place, which fails if the name is taken, so of two
   * processes creating it at once one wins and the other reads the winner's (a rename would let the
   * second replace the first's, after the first had started using it).
   */
  static boolean createWhole(Path file, byte[] content) throws IOException {
    Path temp = writeBeside(file, content);
    try {
      Files.createLink(file, temp);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Path writeBeside(Path file, byte[] content) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    PrivateFiles.createFolders(folder);
    Path temp = folder.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    PrivateFiles.createFile(temp);
    try (FileChannel channel = PrivateFiles.open(temp, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true); // on disk before its name makes it the file
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return temp;
  }
}
