package udpchat.server.journal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a start finds in a journal, read without changing a byte of it: the last events, the line
 * cut short by a crash (if any), and the damaged lines. A journal that is not this room's to read
 * refuses the start here, before anything is written.
 */
public final class JournalScan {

  private final Deque<RoomEvent> kept = new ArrayDeque<>();
  private long head;
  private long lines;
  private long good;
  private long damaged;
  private long firstDamage = -1;
  private long cutTail;

  private JournalScan() {}

  /**
   * Reads {@code channel}, the journal {@code file}, keeping its last {@code keep} events.
   *
   * @throws StartRefused when the journal is damaged beyond a few lines, or sealed with another
   *     key, or sealed where an open room reads it, or plain where a private room does
   */
  static JournalScan of(Path file, FileChannel channel, JournalLines format, int keep)
      throws IOException {
    JournalScan scan = new JournalScan();
    LineReader reader = new LineReader(channel);
    Line first = reader.next();
    if (first != null && JournalLines.isHeader(first.bytes())) {
      if (!format.sealed()) {
        throw new StartRefused(
            file
                + " is a private room's journal, sealed at rest: start this server with that"
                + " room's key (--room-key-file), or give it another --data folder");
      }
      if (!format.opensHeader(first.bytes())) {
        throw new StartRefused(
            file
                + " was sealed with another room key: start with the key it was written with, or"
                + " give this room another --data folder; nothing was changed");
      }
      first = reader.next();
    } else if (first != null && format.sealed()) {
      throw new StartRefused(
          file
              + " holds an open room's events in plain text, and a private room keeps its own"
              + " sealed journal: give it another --data folder, or move the file aside");
    }
    for (Line line = first; line != null; line = reader.next()) {
      scan.read(line, format, keep);
    }
    if (scan.damaged > 0 && scan.damaged >= scan.good) {
      throw new StartRefused(
          String.format(
              "%s does not read as a journal: %d of %d lines damaged, the first at byte %d;"
                  + " nothing was changed. Move it aside to start the room afresh (mv %s %s), or"
                  + " restore it from a copy",
              file,
              scan.damaged,
              scan.lines,
              scan.firstDamage,
              file,
              file.resolveSibling(file.getFileName() + ".damaged")));
    }
    return scan;
  }

  private void read(Line line, JournalLines format, int keep) {
    if (!line.ended()
        && line.length() <= JournalLines.MAX_LINE_BYTES
        && JournalLines.mayStartALine(line.bytes(), line.bytes().length)) {
      // A crash in the middle of an append: it was never acknowledged to anyone.
      cutTail = line.length();
      return;
    }
    lines++;
    RoomEvent event =
        line.length() > JournalLines.MAX_LINE_BYTES ? null : format.parse(line.bytes());
    if (event == null || event.seq() <= head) {
      damaged++;
      if (firstDamage < 0) {
        firstDamage = line.offset();
      }
      return;
    }
    good++;
    head = event.seq();
    kept.addLast(event);
    if (kept.size() > keep) {
      kept.removeFirst();
    }
  }

  /** The last events read, oldest first. */
  Deque<RoomEvent> kept() {
    return kept;
  }

  /** The highest event number read, 0 when none. */
  long head() {
    return head;
  }

  /** The whole lines read, damaged ones included (the measure for compaction). */
  long lines() {
    return lines;
  }

  /** The lines skipped because they do not read as events. */
  long damaged() {
    return damaged;
  }

  /** The byte offset of the first damaged line, -1 when none is. */
  long firstDamage() {
    return firstDamage;
  }

  /** The bytes of a last line cut short by a crash, to be cut off; 0 when there is none. */
  long cutTail() {
    return cutTail;
  }

  /** One line: where it starts, its bytes (at most one more than the longest line), its length. */
  record Line(long offset, byte[] bytes, long length, boolean ended) {}

  /** The lines of a journal from its start. */
  private static final class LineReader {
    private final InputStream in;
    private long offset;

    LineReader(FileChannel channel) throws IOException {
      channel.position(0);
      this.in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
    }

    /**
     * The next line, or null at the end. A line longer than {@link JournalLines#MAX_LINE_BYTES} is
     * read to its end but not held: damage never makes the reader hold a whole file.
     */
    Line next() throws IOException {
      long start = offset;
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
      for (int b = in.read(); ; b = in.read()) {
        if (b < 0) {
          return offset == start
              ? null
              : new Line(start, bytes.toByteArray(), offset - start, false);
        }
        offset++;
        if (b == '\n') {
          return new Line(start, bytes.toByteArray(), offset - start - 1, true);
        }
        if (bytes.size() <= JournalLines.MAX_LINE_BYTES) {
          bytes.write(b);
        }
      }
    }
  }
}
