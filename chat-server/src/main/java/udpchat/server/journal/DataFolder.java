package udpchat.server.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import udpchat.files.PrivateFiles;

/**
 * A server's claim on its data folder: an exclusive lock on the file {@value #LOCK_NAME} in it,
 * held for the life of the process, so two servers never append to one journal (their lines would
 * interleave and events be lost). The operating system releases the lock when the process ends,
 * even by kill -9, so a stale lock file never keeps a server out. The file says who holds it (pid
 * and address), for the refusal a second server prints.
 */
public final class DataFolder implements AutoCloseable {

  static final String LOCK_NAME = "lock";

  private final Path path;
  private final FileChannel lockFile;
  private final FileLock lock;

  private DataFolder(Path path, FileChannel lockFile, FileLock lock) {
    this.path = path;
    this.lockFile = lockFile;
    this.lock = lock;
  }

  /**
   * Creates {@code path} (0700) if need be and takes it for this process.
   *
   * @param holder who takes it, as the refusal of the next one should name it (pid, address)
   * @throws StartRefused when another server holds it
   */
  public static DataFolder claim(Path path, String holder) throws IOException {
    PrivateFiles.createFolders(path);
    FileChannel file =
        PrivateFiles.open(
            path.resolve(LOCK_NAME),
            StandardOpenOption.CREATE,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE);
    try {
      FileLock lock = tryLock(file);
      if (lock == null) {
        throw new StartRefused(
            "the data folder "
                + path
                + " is in use by another server ("
                + heldBy(file)
                + "): give each server its own --data folder, or stop that one first");
      }
      file.truncate(0);
      file.write(ByteBuffer.wrap((holder + "\n").getBytes(StandardCharsets.UTF_8)), 0);
      return new DataFolder(path, file, lock);
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
  }

  /** The lock, or null when another process, or another server in this one, holds it. */
  private static FileLock tryLock(FileChannel file) throws IOException {
    try {
      return file.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // this JVM holds it already (servers started in one process, as tests do)
    }
  }

  /** What the holder wrote in the lock file; locks are advisory, so it can be read. */
  private static String heldBy(FileChannel file) throws IOException {
    ByteBuffer bytes = ByteBuffer.allocate(200);
    file.read(bytes, 0);
    String written = new String(bytes.array(), 0, bytes.position(), StandardCharsets.UTF_8).strip();
    return written.isEmpty() ? "holder unknown" : written;
  }

  Path path() {
    return path;
  }

  /** Lets the folder go: the next server may take it. The lock file stays, empty of meaning. */
  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      lockFile.close();
    }
  }
}
