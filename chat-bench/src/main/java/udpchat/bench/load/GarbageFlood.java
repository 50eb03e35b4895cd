package udpchat.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A flood of garbage datagrams ({@link GarbageShapes}) at a chat server, from {@link #SOURCES}
 * loopback addresses ({@code 127.0.1.2}, {@code 127.0.1.3}, ...: loopback only, so that no
 * per-address limit of the server's sees one sender), each socket in turn, as fast as one thread
 * sends. Its thread ({@code bench-garbage-flood}) is started by {@link #start} and stopped by
 * {@link #close}; it also reads and counts what the server answers, so that the answers do not fill
 * the sockets' buffers and count as the kernel's drops.
 */
public final class GarbageFlood implements AutoCloseable {

  /** Source addresses: 200, as the measurement by hand had. */
  public static final int SOURCES = 200;

  /** Answers are read every this many rounds over the sockets. */
  private static final int READ_EVERY_ROUNDS = 16;

  private final InetSocketAddress server;
  private final long count;
  private final List<DatagramChannel> sockets = new ArrayList<>();
  private final Thread thread;
  private volatile boolean stopping;
  private volatile long sent;
  private volatile long failed;
  private volatile long answers;
  private volatile long startNs;
  private volatile long endNs;

  private GarbageFlood(InetSocketAddress server, long count) {
    this.server = server;
    this.count = count;
    this.thread = new Thread(this::flood, "bench-garbage-flood");
  }

  /** {@code count} datagrams for {@code server}, its sockets bound, not yet sending. */
  public static GarbageFlood open(InetSocketAddress server, long count) throws IOException {
    GarbageFlood flood = new GarbageFlood(server, count);
    try {
      for (int i = 0; i < SOURCES; i++) {
        DatagramChannel socket = DatagramChannel.open();
        flood.sockets.add(socket);
        socket.configureBlocking(false);
        socket.bind(new InetSocketAddress(source(i), 0));
      }
    } catch (IOException | RuntimeException e) {
      flood.closeSockets();
      throw e;
    }
    return flood;
  }

  /** The {@code i}th source address: 127.0.1.2 and up (127.0.2.x past 253). */
  static InetAddress source(int i) {
    try {
      return InetAddress.getByAddress(
          new byte[] {127, 0, (byte) (1 + (i + 2) / 256), (byte) ((i + 2) % 256)});
    } catch (UnknownHostException e) {
      throw new UncheckedIOException(e); // four bytes are always an address
    }
  }

  public void start() {
    startNs = System.nanoTime();
    thread.start();
  }

  private void flood() {
    GarbageShapes shapes = new GarbageShapes(7);
    ByteBuffer answer = ByteBuffer.allocate(GarbageShapes.MAX_BYTES);
    try {
      for (long i = 0; i < count && !stopping; i++) {
        DatagramChannel socket = sockets.get((int) (i % SOURCES));
        if (socket.send(shapes.next(i), server) > 0) {
          sent++; // only this thread writes it: a volatile write, read by the bench's thread
        } else {
          failed++; // the send buffer was full: a datagram not sent is not counted as sent
        }
        if (i % ((long) SOURCES * READ_EVERY_ROUNDS) == 0) {
          readAnswers(answer);
        }
      }
      readAnswers(answer);
    } catch (IOException e) {
      failed++; // a socket that fails ends the flood early; what was sent is still counted
    } finally {
      endNs = System.nanoTime();
    }
  }

  private void readAnswers(ByteBuffer answer) throws IOException {
    for (DatagramChannel socket : sockets) {
      while (socket.receive(answer.clear()) != null) {
        answers++;
      }
    }
  }

  /** Whether every datagram has been sent (or the flood stopped). */
  public boolean done() {
    return endNs != 0;
  }

  public long sent() {
    return sent;
  }

  /** Sends the kernel refused (a full send buffer) or that failed. */
  public long failed() {
    return failed;
  }

  /** Datagrams the server sent back to the flood's addresses. */
  public long answers() {
    return answers;
  }

  /** From {@link #start} to the last datagram sent, in ns (so far, while it runs). */
  public long elapsedNs() {
    long end = endNs;
    return (end != 0 ? end : System.nanoTime()) - startNs;
  }

  /** When the last datagram was sent (System.nanoTime), 0 while it runs. */
  public long endNs() {
    return endNs;
  }

  @Override
  public void close() throws InterruptedException {
    stopping = true;
    if (thread.isAlive()) {
      thread.join(10_000);
    }
    closeSockets();
  }

  private void closeSockets() {
    for (DatagramChannel socket : sockets) {
      try {
        socket.close();
      } catch (IOException e) {
        // closing a datagram socket has nothing to flush: nothing is lost
      }
    }
  }
}
