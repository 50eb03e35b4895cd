package udpchat.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.crypto.DatagramSeal;
import udpchat.crypto.Flow;
import udpchat.net.FaultInjector;
import udpchat.protocol.Codec;
import udpchat.protocol.Drops;
import udpchat.protocol.ServerMessage;

/**
 * The fan-out path: encodes each message once and sends the datagram to each of its addresses on a
 * thread of its own, so a broadcast to a large room never holds up the receive thread or the room's
 * lock. The queue is bounded; when it is full the server is overloaded and the datagram is dropped
 * and counted rather than letting memory grow without limit.
 *
 * <p>In a private room each datagram is sealed here, on this thread, once for all its addresses
 * (the same ciphertext to every member reuses no nonce: one nonce seals one plaintext).
 */
final class Sender implements Outbox, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Sender.class);
  static final int CAPACITY = 16_384;
  private static final Outgoing STOP = new Outgoing(ByteBuffer.allocate(0), List.of());

  private final DatagramChannel channel;
  private final Codec codec;
  private final DatagramSeal seal;
  private final Drops drops;
  private final FaultInjector faults;
  private final BlockingQueue<Outgoing> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Thread thread;

  Sender(
      DatagramChannel channel, Codec codec, DatagramSeal seal, Drops drops, FaultInjector faults) {
    this.channel = channel;
    this.codec = codec;
    this.seal = seal;
    this.drops = drops;
    this.faults = faults;
    this.thread = new Thread(this::run, "udpchat-outbox");
  }

  void start() {
    thread.start();
  }

  @Override
  public void broadcast(ServerMessage message, Collection<InetSocketAddress> to) {
    if (to.isEmpty()) {
      return;
    }
    Outgoing outgoing = new Outgoing(ByteBuffer.wrap(codec.encode(message)), List.copyOf(to));
    if (!queue.offer(outgoing)) {
      drops.count(Drops.OUTBOX_FULL, null, Codec.typeName(message.getClass()));
    }
  }

  private void run() {
    try {
      for (Outgoing outgoing = queue.take(); outgoing != STOP; outgoing = queue.take()) {
        ByteBuffer contents = outgoing.datagram();
        ByteBuffer datagram = seal.seal(Flow.TO_CLIENT, contents.array(), contents.limit());
        for (InetSocketAddress address : outgoing.to()) {
          sendOne(datagram.duplicate(), address);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ClosedChannelException e) {
      log.debug("socket closed, outbox stops");
    }
  }

  private void sendOne(ByteBuffer datagram, InetSocketAddress address)
      throws ClosedChannelException {
    try {
      faults.send(datagram, address, channel::send);
    } catch (ClosedChannelException e) {
      throw e;
    } catch (IOException e) {
      // One unreachable member must not stop the others' delivery.
      drops.count(Drops.SEND_FAILED, address, String.valueOf(e.getMessage()));
    }
  }

  /** Sends what is queued (for at most two seconds), then stops the thread. */
  @Override
  public void close() throws InterruptedException {
    if (!thread.isAlive()) {
      return;
    }
    if (!queue.offer(STOP, 2, TimeUnit.SECONDS)) {
      thread.interrupt();
    }
    thread.join(2000);
    if (thread.isAlive()) {
      thread.interrupt();
      thread.join();
    }
  }

  private record Outgoing(ByteBuffer datagram, List<InetSocketAddress> to) {}
}
