package udpchat.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import udpchat.net.Faults;
import udpchat.protocol.Ack;
import udpchat.protocol.Join;
import udpchat.protocol.Ping;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.Retry;
import udpchat.protocol.Say;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;

/**
 * A quick load of the real server for profiling (issue 5), not the benchmark ({@code ./run.sh
 * bench} is): starts a server in this process, joins {@code members} clients on loopback sockets,
 * lets {@code senders} of them say 100-byte messages as fast as the room answers (each keeps up to
 * {@code window} unanswered), acknowledges like a client, and prints what arrived.
 *
 * <p>One thread drives every socket; datagrams are read by scanning for the few numbers needed
 * rather than decoded, so that the driver costs far less than the server it drives. Usage: {@code
 * java -cp ... udpchat.server.LoadDriver [members] [senders] [seconds] [window]}.
 */
public final class LoadDriver {

  private static final byte[] SEQ = "\"seq\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PREV = "\"prev\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SENT = "\"text\":\"t".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] POSTED = "\"type\":\"posted\"".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BATCH = "\"type\":\"batch\"".getBytes(StandardCharsets.US_ASCII);
  private static final long ACK_INTERVAL_NS = 50_000_000;

  private final Codec codec = new Codec();
  private final DatagramChannel[] sockets;
  private final String[] sessions;
  private final long[] shown;
  private final long[] nextN;
  private final int[] unanswered;
  private final long[] latenciesNs = new long[1 << 22];
  private int latencyCount;
  private long delivered;
  private long datagrams;
  private long batches;
  private long outOfOrder;

  private LoadDriver(int members) {
    sockets = new DatagramChannel[members];
    sessions = new String[members];
    shown = new long[members];
    nextN = new long[members];
    unanswered = new int[members];
  }

  public static void main(String[] args) throws Exception {
    int members = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int senders = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int window = args.length > 3 ? Integer.parseInt(args[3]) : 32;
    Path data = Files.createTempDirectory("udpchat-load");
    ServerConfig config =
        new ServerConfig(
            new InetSocketAddress("127.0.0.1", 0),
            Duration.ofSeconds(30),
            Duration.ofSeconds(1),
            ServerConfig.DEFAULT_HISTORY,
            0,
            data,
            Faults.NONE,
            members + 1,
            members + 1, // every member shares 127.0.0.1
            0, // no rate limit: every member shares 127.0.0.1
            1,
            null);
    try (ChatServer server = new ChatServer(config, Clock.systemUTC()).start()) {
      new LoadDriver(members).run(server.address(), senders, seconds, window);
    }
  }

  private void run(InetSocketAddress server, int senders, int seconds, int window)
      throws IOException, ProtocolException {
    Selector selector = Selector.open();
    ByteBuffer buffer = ByteBuffer.allocate(1201);
    for (int i = 0; i < sockets.length; i++) {
      DatagramChannel socket = DatagramChannel.open();
      socket.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      socket.connect(server);
      String client = String.format("load%018d", i);
      Join join = new Join("m" + i, client, 1, null);
      socket.write(ByteBuffer.wrap(codec.encode(join)));
      buffer.clear();
      socket.read(buffer); // blocking: the retry with the cookie to join with
      Retry retry = codec.decode(buffer.array(), buffer.position(), Retry.class);
      socket.write(ByteBuffer.wrap(codec.encode(join.withCookie(retry.cookie()))));
      buffer.clear();
      socket.read(buffer); // the welcome (or, for a late one, an event: skipped below)
      Welcome welcome = null;
      while (welcome == null) {
        try {
          welcome = codec.decode(buffer.array(), buffer.position(), Welcome.class);
        } catch (Exception e) { // an event for an earlier joiner's notice: not the welcome yet
          buffer.clear();
          socket.read(buffer);
        }
      }
      sessions[i] = welcome.session();
      shown[i] = welcome.start();
      nextN[i] = 1;
      socket.configureBlocking(false);
      socket.register(selector, SelectionKey.OP_READ, i);
      sockets[i] = socket;
    }
    System.out.printf("%d members joined; %d senders for %d s%n", sockets.length, senders, seconds);
    String padding = "x".repeat(80);
    long startNs = System.nanoTime();
    long endNs = startNs + seconds * 1_000_000_000L;
    long nextAckNs = startNs;
    long nextPingNs = startNs;
    long measuredFromNs = startNs + 1_000_000_000L; // the first second warms up
    long deliveredAtMeasure = -1;
    long datagramsAtMeasure = 0;
    long posted = 0;
    for (long nowNs = startNs; nowNs < endNs + 2_000_000_000L; nowNs = System.nanoTime()) {
      if (nowNs < endNs) {
        for (int s = 0; s < senders; s++) {
          while (unanswered[s] < window) {
            String text = "t" + System.nanoTime() + " " + padding;
            sockets[s].write(
                ByteBuffer.wrap(codec.encode(new Say(sessions[s], nextN[s]++, text, false))));
            unanswered[s]++;
          }
        }
      }
      if (deliveredAtMeasure < 0 && nowNs >= measuredFromNs) {
        deliveredAtMeasure = delivered;
        datagramsAtMeasure = datagrams;
        latencyCount = 0;
      }
      selector.select(1);
      for (SelectionKey key : selector.selectedKeys()) {
        int i = (Integer) key.attachment();
        for (buffer.clear(); sockets[i].read(buffer) > 0; buffer.clear()) {
          posted += onDatagram(i, buffer.array(), buffer.position());
        }
      }
      selector.selectedKeys().clear();
      if (nowNs >= nextAckNs) {
        for (int i = 0; i < sockets.length; i++) {
          sockets[i].write(ByteBuffer.wrap(codec.encode(new Ack(sessions[i], shown[i], null))));
        }
        nextAckNs = nowNs + ACK_INTERVAL_NS;
      }
      if (nowNs >= nextPingNs) {
        for (int i = 0; i < sockets.length; i++) {
          sockets[i].write(ByteBuffer.wrap(codec.encode(new Ping(sessions[i], 1))));
        }
        nextPingNs = nowNs + 5_000_000_000L;
      }
    }
    double measuredS = (endNs - measuredFromNs) / 1e9;
    long[] sorted = Arrays.copyOf(latenciesNs, latencyCount);
    Arrays.sort(sorted);
    System.out.printf(
        "posted %d; delivered %d events (%.0f/s after the first second, %.0f datagrams/s),"
            + " %d batches, %d out of order, expected %d, latency p50 %.2f ms p99 %.2f ms%n",
        posted,
        delivered,
        (delivered - deliveredAtMeasure) / measuredS,
        (datagrams - datagramsAtMeasure) / measuredS,
        batches,
        outOfOrder,
        posted * sockets.length,
        percentile(sorted, 0.50) / 1e6,
        percentile(sorted, 0.99) / 1e6);
  }

  /** Counts the events in one datagram to member {@code i}; returns the posts it answers. */
  private int onDatagram(int i, byte[] bytes, int length) {
    datagrams++;
    // Every datagram starts {"v":2,"type":"...
    int typeAt = 7;
    if (startsWith(bytes, typeAt, length, POSTED)) {
      unanswered[i]--;
      return 1;
    }
    if (startsWith(bytes, typeAt, length, BATCH)) {
      batches++;
    }
    long nowNs = System.nanoTime();
    for (int at = find(bytes, 0, length, SEQ); at >= 0; at = find(bytes, at, length, SEQ)) {
      at += SEQ.length;
      long seq = number(bytes, at);
      int prevAt = find(bytes, at, length, PREV);
      long prev = prevAt < 0 ? -1 : number(bytes, prevAt + PREV.length);
      if (prev == shown[i]) {
        shown[i] = seq;
        delivered++;
        if ((i & 7) == 0 && latencyCount < latenciesNs.length) { // a sample is enough
          int sentAt = find(bytes, at, length, SENT);
          if (sentAt >= 0) {
            latenciesNs[latencyCount++] = nowNs - number(bytes, sentAt + SENT.length);
          }
        }
      } else if (seq > shown[i]) {
        outOfOrder++;
      }
    }
    return 0;
  }

  private static boolean startsWith(byte[] bytes, int at, int length, byte[] what) {
    if (at + what.length > length) {
      return false;
    }
    for (int j = 0; j < what.length; j++) {
      if (bytes[at + j] != what[j]) {
        return false;
      }
    }
    return true;
  }

  private static int find(byte[] bytes, int from, int length, byte[] what) {
    outer:
    for (int i = from; i <= length - what.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (bytes[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static long number(byte[] bytes, int at) {
    long value = 0;
    for (int i = at; bytes[i] >= '0' && bytes[i] <= '9'; i++) {
      value = value * 10 + bytes[i] - '0';
    }
    return value;
  }

  private static double percentile(long[] sorted, double q) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, q * sorted.length)];
  }
}
