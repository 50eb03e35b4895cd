package udpchat.server;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.protocol.Chat;
import udpchat.protocol.Codec;
import udpchat.protocol.Notice;
import udpchat.protocol.Private;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.ServerMessage;
import udpchat.time.Periodic;

/**
 * The room's events on disk, one line each, appended in order to {@code room.log} in the data
 * folder, so a restarted server (even after kill -9) has its history and goes on numbering.
 *
 * <p>A line is {@code AUDIENCE TAB CLIENT TAB N TAB JSON}: {@code a} (everyone) or {@code
 * p:FROM:TO} (a private message between the clients FROM and TO), the sending client's id and
 * message number ({@code -} and 0 for notices), and the event as the protocol encodes it. Each
 * append is written to the file at once, so what the server acknowledged survives the process; the
 * file is forced to the disk every {@link #SYNC_INTERVAL_MS}, so a power cut loses at most that
 * much. A line cut short by a crash is dropped when the journal is loaded.
 *
 * <p>The file grows while the server runs. When a starting server finds more than {@link
 * #COMPACT_FACTOR} times the events it keeps, it writes those to a new file that then takes the old
 * one's place in one atomic rename, so a start reads at most that much of the last run's past.
 */
final class Journal implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Journal.class);

  /** How often what was appended is forced to the disk. */
  static final long SYNC_INTERVAL_MS = 1000;

  static final String FILE_NAME = "room.log";

  /** A journal holding more than this many times the events kept is compacted at load. */
  static final int COMPACT_FACTOR = 4;

  private static final String COMPACTING_NAME = FILE_NAME + ".compacting";

  private final Path file;
  private final Codec codec;
  private FileChannel channel; // replaced once, by a compaction at load
  private final AtomicBoolean unsynced = new AtomicBoolean();
  private final Periodic syncer =
      new Periodic(
          "udpchat-journal",
          Duration.ofMillis(SYNC_INTERVAL_MS),
          Clock.systemUTC(),
          nowMs -> sync());

  /** What {@link #load} found: the last events, and the highest number ever given. */
  record Loaded(List<RoomEvent> events, long head) {}

  Journal(Path folder, Codec codec) throws IOException {
    Files.createDirectories(folder);
    this.file = folder.resolve(FILE_NAME);
    this.codec = codec;
    this.channel = openFile();
  }

  private FileChannel openFile() throws IOException {
    return FileChannel.open(
        file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
  }

  /** The file the events are kept in. */
  Path file() {
    return file;
  }

  /**
   * Reads the journal: the last {@code keep} events and the highest number. A line that does not
   * read (cut short by a crash, or damaged) is skipped and counted; a cut last line is removed, so
   * the next append starts on a line of its own.
   */
  Loaded load(int keep) {
    Deque<RoomEvent> last = new ArrayDeque<>();
    long head = 0;
    int skipped = 0;
    long lines = 0;
    try {
      dropCutLastLine();
      try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
        for (byte[] line = readLine(in); line != null; line = readLine(in)) {
          lines++;
          RoomEvent event = parse(line);
          if (event == null || event.seq() <= head) {
            skipped++;
            continue;
          }
          head = event.seq();
          last.addLast(event);
          if (last.size() > keep) {
            last.removeFirst();
          }
        }
      }
      if (lines > (long) COMPACT_FACTOR * keep) {
        compact(last, lines);
      }
      channel.position(channel.size());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (skipped > 0) {
      log.warn("{}: skipped {} line(s) that do not read as events", file, skipped);
    }
    if (head > 0) {
      log.info("{}: the last event is number {}; {} kept in memory", file, head, last.size());
    }
    return new Loaded(new ArrayList<>(last), head);
  }

  /**
   * Replaces the file with one holding only {@code kept}, the events a start reads: written beside
   * it and forced to the disk first, then renamed over it, so a crash leaves one or the other
   * whole.
   */
  private void compact(Deque<RoomEvent> kept, long lines) throws IOException {
    Path compacted = file.resolveSibling(COMPACTING_NAME);
    try (FileChannel out =
        FileChannel.open(
            compacted,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      for (RoomEvent event : kept) {
        ByteBuffer line = line(event);
        while (line.hasRemaining()) {
          out.write(line);
        }
      }
      out.force(true);
    }
    channel.close();
    Files.move(
        compacted, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    channel = openFile();
    log.info("{}: compacted from {} lines to the last {} events", file, lines, kept.size());
  }

  /** Appends {@code event}: it is in the operating system's hands when this returns. */
  void append(RoomEvent event) {
    ByteBuffer bytes = line(event);
    long start = -1;
    try {
      start = channel.position();
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
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
      throw new UncheckedIOException("cannot append to " + file, e);
    }
    unsynced.set(true);
  }

  /** The line of {@code event}, with its line end. */
  private ByteBuffer line(RoomEvent event) {
    RoomEvent.Audience audience = event.audience();
    byte[] prefix =
        ((audience.everyone() ? "a" : "p:" + audience.first() + ":" + audience.second())
                + '\t'
                + (event.client() == null ? "-" : event.client())
                + '\t'
                + event.n()
                + '\t')
            .getBytes(StandardCharsets.UTF_8);
    byte[] json = codec.encode(event.message()); // UTF-8 already: written as it is
    ByteBuffer bytes = ByteBuffer.allocate(prefix.length + json.length + 1);
    bytes.put(prefix).put(json).put((byte) '\n').flip();
    return bytes;
  }

  /** Starts forcing appends to the disk every {@link #SYNC_INTERVAL_MS}. */
  void start() {
    syncer.start();
  }

  private void sync() {
    if (!unsynced.getAndSet(false)) {
      return;
    }
    try {
      channel.force(false);
    } catch (IOException e) {
      log.error("cannot force {} to the disk: {}", file, e.toString());
    }
  }

  /** Forces what is left to the disk and closes the file. */
  @Override
  public synchronized void close() throws IOException, InterruptedException {
    syncer.close();
    if (channel.isOpen()) {
      channel.force(false);
      channel.close();
    }
  }

  /** The next line's bytes without its line end, or null at the end of the file. */
  private static byte[] readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        return line.size() == 0 ? null : line.toByteArray();
      }
      line.write(b);
    }
    return line.toByteArray();
  }

  /**
   * One line as an event, or null when it does not read as one. Bytes, not text: a damaged line
   * that is not UTF-8 is one bad line, refused by the codec, not a journal that cannot be read.
   */
  private RoomEvent parse(byte[] bytes) {
    int tabs = 0;
    int jsonStart = -1;
    for (int i = 0; i < bytes.length && tabs < 3; i++) {
      if (bytes[i] == '\t' && ++tabs == 3) {
        jsonStart = i + 1;
      }
    }
    if (jsonStart < 0) {
      return null;
    }
    String[] parts = new String(bytes, 0, jsonStart - 1, StandardCharsets.UTF_8).split("\t", 3);
    RoomEvent.Audience audience = audience(parts[0]);
    if (audience == null) {
      return null;
    }
    try {
      byte[] json = Arrays.copyOfRange(bytes, jsonStart, bytes.length);
      ServerMessage message = codec.decode(json, json.length, ServerMessage.class);
      long seq;
      if (message instanceof Chat chat) {
        seq = chat.seq();
      } else if (message instanceof Private whisper) {
        seq = whisper.seq();
      } else if (message instanceof Notice notice && notice.numbered()) {
        seq = notice.seq();
      } else {
        return null;
      }
      String client = parts[1].equals("-") ? null : parts[1];
      return new RoomEvent(seq, message, audience, client, Long.parseLong(parts[2]));
    } catch (ProtocolException | NumberFormatException e) {
      return null;
    }
  }

  private static RoomEvent.Audience audience(String field) {
    if (field.equals("a")) {
      return RoomEvent.Audience.EVERYONE;
    }
    String[] clients = field.split(":");
    if (clients.length != 3 || !clients[0].equals("p")) {
      return null;
    }
    return RoomEvent.Audience.pair(clients[1], clients[2]);
  }

  /**
   * A crash in the middle of an append can leave a last line without its line end: it was never
   * acknowledged to anyone, so it is cut off, and the next append starts on a line of its own.
   */
  private void dropCutLastLine() throws IOException {
    long end = channel.size();
    ByteBuffer one = ByteBuffer.allocate(1);
    while (end > 0) {
      one.clear();
      channel.read(one, end - 1);
      if (one.get(0) == '\n') {
        break;
      }
      end--;
    }
    if (end < channel.size()) {
      log.warn("{}: dropped a last line cut short ({} bytes)", file, channel.size() - end);
      channel.truncate(end);
    }
  }
}
