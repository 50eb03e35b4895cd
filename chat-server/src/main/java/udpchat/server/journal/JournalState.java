package udpchat.server.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the operator may know of the journal, written by the threads that write and force it and
 * read from any: bytes appended, compactions, and whether the disk takes writes now (the health
 * check's question).
 */
public final class JournalState {

  private final Path file;
  private final LongAdder bytes = new LongAdder();
  private volatile int compactions;
  private volatile long lastCompactionAtMs = -1;
  private volatile String writeProblem;
  private volatile String forceProblem;

  JournalState(Path file) {
    this.file = file;
  }

  void appended(long length) {
    bytes.add(length);
    writeProblem = null;
  }

  void writeFailed(String problem) {
    writeProblem = problem;
  }

  void forced() {
    forceProblem = null;
  }

  void forceFailed(String problem) {
    forceProblem = problem;
  }

  /** Only the loading thread compacts; the stamp is shown, nothing decides by it. */
  void compacted() {
    compactions++;
    lastCompactionAtMs = System.currentTimeMillis();
  }

  /** The file's size now in bytes, or -1 when it cannot be read. */
  public long sizeBytes() {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return -1;
    }
  }

  /** The bytes appended so far (compactions aside). */
  public long bytesWritten() {
    return bytes.sum();
  }

  /** How many times this process compacted the file (at load). */
  public int compactions() {
    return compactions;
  }

  /** The wall time of this process's last compaction, or -1 when there was none. */
  public long lastCompactionAtMs() {
    return lastCompactionAtMs;
  }

  /**
   * Why the journal is not writable now (the last write or force failed, with its cause), or null
   * when the last of each succeeded.
   */
  public String problem() {
    String write = writeProblem;
    return write != null ? write : forceProblem;
  }
}
