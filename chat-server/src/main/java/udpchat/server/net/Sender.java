package udpchat.server.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.log.RepeatedFault;
import udpchat.net.FaultInjector;
import udpchat.protocol.Batch;
import udpchat.protocol.Drops;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.json.Codec;
import udpchat.secure.link.LinkFormat;
import udpchat.secure.link.SealedSession;

/**
 * The fan-out path: encodes each message once and sends the datagram to each of its addresses on a
 * thread of its own, so a broadcast to a large room never holds up the receive thread or the room's
 * lock. The queue is bounded; when it is full the server is overloaded and the datagram is dropped
 * and counted rather than letting memory grow without limit.
 *
 * <p>When one datagram is waiting it is sent at once. When more have queued up while the thread was
 * sending (the server is behind), it takes them all and the {@link Packer} puts each member's room
 * events together in batches: fewer datagrams, so more messages a second through the same kernel,
 * and no timer that would make a quiet room wait. (A posted and the one event it confirms, taken
 * together, go as they are: there is nothing to put together.)
 *
 * <p>Every datagram is sealed here, on this thread, under the session of the address it goes to
 * (the keys the receiving thread's {@code Links} hands over through the same queue, {@link
 * LinkOutbox}): one encryption per member and datagram.
 */
public final class Sender implements Outbox, LinkOutbox, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Sender.class);
  static final int CAPACITY = 16_384;

  /** Taken from the queue at a time: a bound on the work (and the delay) of one packing. */
  static final int MAX_TAKEN = 4_096;

  private static final Outgoing STOP = new Outgoing(new byte[0], List.of(), 0);

  private final DatagramChannel channel;
  private final Codec codec;

  /** Each address's session: only this thread reads or changes it, told through the queue. */
  private final Map<InetSocketAddress, SealedSession> keys = new HashMap<>();

  private final Drops drops;
  private final FaultInjector faults;
  private final BlockingQueue<Outgoing> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Packer packer = new Packer();
  // Every datagram is sealed into this one buffer and sent from it (the socket copies it at once).
  private byte[] sealBuffer = new byte[LinkFormat.MAX_DATAGRAM_BYTES];
  private final RepeatedFault failures =
      new RepeatedFault(log, "sending a batch (udpchat-sender)", System::nanoTime);
  private final FaultInjector.Transmit transmit;
  private volatile boolean sending;
  private final LongAdder datagrams = new LongAdder();
  private final LongAdder batches = new LongAdder();
  private final LongAdder batchedEvents = new LongAdder();
  private final TypeCounts out = new TypeCounts();
  private final Thread thread;

  public Sender(DatagramChannel channel, Codec codec, Drops drops, FaultInjector faults) {
    this.channel = channel;
    this.codec = codec;
    this.drops = drops;
    this.faults = faults;
    this.transmit = (datagram, to) -> channel.send(datagram, to);
    this.thread = new Thread(this::run, "udpchat-sender");
  }

  public void start() {
    thread.start();
  }

  @Override
  public void broadcast(ServerMessage message, Collection<InetSocketAddress> to) {
    if (to.isEmpty()) {
      return;
    }
    Outgoing outgoing =
        new Outgoing(codec.encode(message), List.copyOf(to), Batch.mayHold(message) ? 1 : 0);
    out.count(message.getClass(), to.size(), (long) outgoing.bytes().length * to.size());
    if (!queue.offer(outgoing)) {
      drops.count(Drops.OUTBOX_FULL, null, Codec.typeName(message.getClass()));
    }
  }

  @Override
  public void use(InetSocketAddress to, SealedSession session) {
    offerLink(Outgoing.use(to, session));
  }

  @Override
  public void forget(InetSocketAddress to) {
    offerLink(Outgoing.forget(to));
  }

  @Override
  public void sendRaw(InetSocketAddress to, byte[] datagram) {
    offerLink(Outgoing.raw(to, datagram));
  }

  private void offerLink(Outgoing item) {
    if (!queue.offer(item)) {
      drops.count(Drops.OUTBOX_FULL, null, "link");
    }
  }

  @Override
  public boolean backlogged() {
    return sending || !queue.isEmpty();
  }

  /**
   * How many batches failed with an unexpected exception (and were dropped, the thread going on).
   */
  long failures() {
    return failures.total();
  }

  /** Datagrams sent so far, a batch counting once for each address it went to. */
  public long datagramsSent() {
    return datagrams.sum();
  }

  /**
   * What the room sent by message type: each message counted once per address, with its encoded
   * bytes, as the room handed it over (before batching and sealing).
   */
  public TypeCounts sentByType() {
    return out;
  }

  /** The batches among them. */
  public long batchesSent() {
    return batches.sum();
  }

  /** The room events those batches carried. */
  public long batchedEventsSent() {
    return batchedEvents.sum();
  }

  private void run() {
    List<Outgoing> taken = new ArrayList<>();
    try {
      while (true) {
        taken.add(queue.take());
        sending = true;
        queue.drainTo(taken, MAX_TAKEN - 1);
        int stop = taken.indexOf(STOP);
        List<Outgoing> due = stop < 0 ? taken : taken.subList(0, stop);
        try {
          sendAll(packer.pack(applyLinkChanges(due)));
        } catch (RuntimeException e) {
          // A bug in one batch must not silence the room: that batch is lost (retransmission
          // brings its events again), the thread goes on.
          failures.occurred(e);
        }
        if (stop >= 0) {
          return;
        }
        taken.clear();
        sending = false;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ClosedChannelException e) {
      log.debug("socket closed, outbox stops");
    }
  }

  /**
   * Applies the link's changes among {@code due} (keys first, so a welcome queued after its
   * session's keys finds them) and sends its raw datagrams; the room's datagrams that are left.
   */
  private List<Outgoing> applyLinkChanges(List<Outgoing> due) throws ClosedChannelException {
    List<Outgoing> datagrams = null;
    for (int i = 0; i < due.size(); i++) {
      Outgoing item = due.get(i);
      if (item.kind() == Outgoing.Kind.DATAGRAM) {
        if (datagrams != null) {
          datagrams.add(item);
        }
        continue;
      }
      if (datagrams == null) {
        datagrams = new ArrayList<>(due.subList(0, i));
      }
      InetSocketAddress to = item.to().get(0);
      switch (item.kind()) {
        case USE -> keys.put(to, item.session());
        case FORGET -> keys.remove(to);
        case RAW -> sendOne(ByteBuffer.wrap(item.bytes()), to);
        case DATAGRAM -> throw new AssertionError("handled above");
      }
    }
    return datagrams == null ? due : datagrams;
  }

  /** Seals each datagram under each address's session: one encryption per member. */
  private void sendAll(List<Outgoing> datagrams) throws ClosedChannelException {
    for (Outgoing outgoing : datagrams) {
      byte[] bytes = outgoing.bytes();
      for (InetSocketAddress address : outgoing.to()) {
        SealedSession session = keys.get(address);
        if (session == null) {
          drops.count(Drops.NO_KEYS, address, "no session to seal with");
          continue;
        }
        if (bytes.length + LinkFormat.SEALED_OVERHEAD > sealBuffer.length) {
          sealBuffer = new byte[bytes.length + LinkFormat.SEALED_OVERHEAD]; // larger than any yet
        }
        int sealed;
        try {
          sealed = session.seal(bytes, bytes.length, sealBuffer);
        } catch (IllegalStateException e) {
          drops.count(Drops.NO_KEYS, address, "the session's keys are spent");
          continue;
        }
        sendOne(ByteBuffer.wrap(sealBuffer, 0, sealed), address);
      }
      count(outgoing);
    }
  }

  private void count(Outgoing outgoing) {
    int addresses = outgoing.to().size();
    datagrams.add(addresses);
    if (outgoing.events() > 1) {
      batches.add(addresses);
      batchedEvents.add((long) outgoing.events() * addresses);
    }
  }

  private void sendOne(ByteBuffer datagram, InetSocketAddress address)
      throws ClosedChannelException {
    try {
      faults.send(datagram, address, transmit);
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
}
