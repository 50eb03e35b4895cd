package udpchat.server.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.crypto.RoomKey;
import udpchat.files.PrivateFiles;
import udpchat.log.RepeatedFault;
import udpchat.protocol.json.Codec;
import udpchat.time.MonotonicClock;
import udpchat.time.Periodic;

/**
 * The room's events on disk, one {@linkplain JournalLines line} each, appended in order to {@code
 * room.log} in the data folder, so a restarted server (even after kill -9) has its history and goes
 * on numbering. The events of one duty cycle of the room are written to the file together, in one
 * write ({@link #flush}), before any of them is acknowledged or sent, so what the server
 * acknowledged survives the process; the file is forced to the disk every {@link
 * #SYNC_INTERVAL_MS}, so a power cut loses at most that much.
 *
 * <p>What a start reads is checked before anything on disk is changed: a line cut short by a crash
 * is dropped, and an isolated damaged line is skipped and counted, but a journal that is mostly
 * damage, or sealed with another room key, or a private room's read by an open one (or the other
 * way round) refuses the start ({@link StartRefused}), so it never silently becomes a new room.
 *
 * <p>The file grows while the server runs. When a starting server finds more than {@link
 * #COMPACT_FACTOR} times the events it keeps, it writes those to a new file that then takes the old
 * one's place in one atomic rename, so a start reads at most that much of the last run's past.
 */
public final class Journal implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Journal.class);

  /** A disk that cannot force is logged once with its cause, then counted every few seconds. */
  private final RepeatedFault forceFailures;

  /** How often what was appended is forced to the disk. */
  static final long SYNC_INTERVAL_MS = 1000;

  public static final String FILE_NAME = "room.log";

  /** A journal holding more than this many times the events kept is compacted at load. */
  static final int COMPACT_FACTOR = 4;

  private static final String COMPACTING_NAME = FILE_NAME + ".compacting";

  private final Path file;
  private final JournalLines lines;
  private FileChannel channel; // replaced once, by a compaction at load
  private final AtomicBoolean unsynced = new AtomicBoolean();

  /** Lines waiting for the next {@link #flush}; only the room thread stages and flushes. */
  private final List<ByteBuffer> staged = new ArrayList<>();

  // Read from any thread (the server's stats), so adders, not plain fields.
  private final LongAdder events = new LongAdder();
  private final LongAdder writes = new LongAdder();
  private final LongAdder forces = new LongAdder();
  private final JournalState state;
  private final Periodic syncer =
      new Periodic(
          "udpchat-journal",
          Duration.ofMillis(SYNC_INTERVAL_MS),
          MonotonicClock.INSTANCE, // the time is not read: only the interval counts
          nowMs -> sync());

  /** What {@link #load} found: the last events, and the highest number ever given. */
  public record Loaded(List<RoomEvent> events, long head) {}

  /** An open room's journal in {@code folder}. */
  public Journal(Path folder, Codec codec) throws IOException {
    this(folder, codec, null);
  }

  /**
   * @param key the private room's key, its lines sealed at rest; {@code null} for an open room
   */
  public Journal(Path folder, Codec codec, RoomKey key) throws IOException {
    PrivateFiles.createFolders(folder);
    this.file = folder.resolve(FILE_NAME);
    this.forceFailures =
        new RepeatedFault(log, "forcing " + file + " to the disk", System::nanoTime);
    this.lines = new JournalLines(codec, key);
    this.state = new JournalState(file);
    this.channel = openFile();
  }

  private FileChannel openFile() throws IOException {
    return PrivateFiles.open(
        file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  /** The file the events are kept in. */
  public Path file() {
    return file;
  }

  /**
   * Reads the journal: the last {@code keep} events and the highest number. A line that does not
   * read (damaged) is skipped and counted; a last line cut short by a crash is removed, so the next
   * append starts on a line of its own.
   *
   * @throws StartRefused when the journal is not this room's to read (see the class comment)
   */
  Loaded load(int keep) {
    try {
      JournalScan scan = JournalScan.of(file, channel, lines, keep);
      if (scan.cutTail() > 0) {
        log.warn("{}: dropped a last line cut short ({} bytes)", file, scan.cutTail());
        channel.truncate(channel.size() - scan.cutTail());
      }
      if (channel.size() == 0 && lines.sealed()) {
        write(channel, ByteBuffer.wrap(lines.header()));
      }
      if (scan.lines() > (long) COMPACT_FACTOR * keep) {
        compact(scan.kept(), scan.lines());
      }
      channel.position(channel.size());
      if (scan.damaged() > 0) {
        log.warn(
            "{}: skipped {} line(s) that do not read as events, the first at byte {}",
            file,
            scan.damaged(),
            scan.firstDamage());
      }
      if (scan.head() > 0) {
        log.info(
            "{}: the last event is number {}; {} kept in memory",
            file,
            scan.head(),
            scan.kept().size());
      }
      return new Loaded(new ArrayList<>(scan.kept()), scan.head());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * Replaces the file with one holding only {@code kept}, the events a start reads: written beside
   * it and forced to the disk first, then renamed over it, so a crash leaves one or the other
   * whole.
   */
  private void compact(Deque<RoomEvent> kept, long lineCount) throws IOException {
    Path compacted = file.resolveSibling(COMPACTING_NAME);
    Files.deleteIfExists(compacted); // a crash's leftover: its mode is not ours to trust
    try (FileChannel out =
        PrivateFiles.open(compacted, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      if (lines.sealed()) {
        write(out, ByteBuffer.wrap(lines.header()));
      }
      for (RoomEvent event : kept) {
        write(out, lines.line(event));
      }
      out.force(true);
    }
    channel.close();
    Files.move(
        compacted, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    channel = openFile();
    state.compacted();
    log.info("{}: compacted from {} lines to the last {} events", file, lineCount, kept.size());
  }

  /**
   * Appends {@code event}: it is in the operating system's hands when this returns, or else nothing
   * of it is in the file.
   *
   * @throws UncheckedIOException when it cannot be written (a full disk): the event must then not
   *     be applied or sent
   */
  public void append(RoomEvent event) {
    stage(event);
    flush();
  }

  /** Keeps {@code event}'s line for the next {@link #flush}, which writes it with the others. */
  public void stage(RoomEvent event) {
    staged.add(lines.line(event));
  }

  /**
   * Writes the lines staged since the last flush, in one write (group commit: one system call for a
   * duty cycle's events, not one each). They are in the operating system's hands when this returns,
   * or else none of them is in the file; either way none is staged any more.
   *
   * @throws UncheckedIOException when they cannot be written (a full disk): their events must then
   *     not be applied or sent
   */
  public void flush() {
    if (staged.isEmpty()) {
      return;
    }
    ByteBuffer[] batch = staged.toArray(ByteBuffer[]::new);
    staged.clear();
    long start = -1;
    long length;
    try {
      start = channel.position();
      length = write(channel, batch);
    } catch (IOException e) {
      // A part of a line (disk full) would swallow the next line: take it back.
      try {
        if (start >= 0) {
          channel.truncate(start);
          channel.position(start);
        }
      } catch (IOException ignored) {
        // the error below says what matters
      }
      state.writeFailed("cannot append to " + file + ": " + e.getMessage());
      throw new UncheckedIOException("cannot append to " + file, e);
    }
    writes.increment();
    events.add(batch.length);
    state.appended(length);
    unsynced.set(true);
  }

  /** What this journal has done so far: events written, the writes they took, and the forces. */
  public JournalCounts counts() {
    return new JournalCounts(events.sum(), writes.sum(), forces.sum());
  }

  /** Its size, bytes written, compactions, and whether the disk takes writes now. */
  public JournalState state() {
    return state;
  }

  /**
   * A gathering write of every buffer, to the end even when the kernel takes part at a time; the
   * bytes written.
   */
  private static long write(FileChannel to, ByteBuffer[] bytes) throws IOException {
    long length = 0;
    for (ByteBuffer buffer : bytes) {
      length += buffer.remaining();
    }
    for (long remaining = length; remaining > 0; ) {
      remaining -= to.write(bytes);
    }
    return length;
  }

  private static void write(FileChannel to, ByteBuffer bytes) throws IOException {
    while (bytes.hasRemaining()) {
      to.write(bytes);
    }
  }

  /** Starts forcing appends to the disk every {@link #SYNC_INTERVAL_MS}. */
  public void start() {
    syncer.start();
  }

  private void sync() {
    if (!unsynced.getAndSet(false)) {
      return;
    }
    try {
      channel.force(false);
      forces.increment();
      state.forced();
    } catch (IOException e) {
      state.forceFailed("cannot force " + file + " to the disk: " + e.getMessage());
      unsynced.set(true); // forced at the next tick, if the disk lets it
      forceFailures.occurred(e);
    }
  }

  /** Forces what is left to the disk and closes the file. */
  @Override
  public synchronized void close() throws IOException, InterruptedException {
    try {
      syncer.close();
    } finally {
      if (channel.isOpen()) {
        try {
          channel.force(false);
        } finally {
          channel.close();
        }
      }
    }
  }
}
