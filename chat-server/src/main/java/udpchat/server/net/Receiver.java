package udpchat.server.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.crypto.DatagramSeal;
import udpchat.crypto.Flow;
import udpchat.crypto.SealException;
import udpchat.log.RepeatedFault;
import udpchat.net.FaultInjector;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.Drops;
import udpchat.protocol.Limits;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.json.Codec;

/**
 * The thread on the socket ({@code udpchat-receiver}): reads each datagram, checks its source's
 * rate (the door's flood gate, a {@link RateCheck}), opens it (in a private room), decodes it, and
 * hands it to the room's inbox ({@link Inbound}), which never blocks. Bad input is dropped and
 * counted here; nothing a peer sends can end this loop. A datagram that does not open under the
 * room key is dropped before any JSON is read, and never answered: the server says nothing to
 * anyone without the key. Nor is a genuine one that came before from the same address (a replay).
 */
public final class Receiver implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Receiver.class);

  private final DatagramChannel channel;
  private final Codec codec;
  private final DatagramSeal seal;
  private final Inbound inbound;
  private final RateCheck floodGate;
  private final Drops drops;
  private final FaultInjector faults;
  private final Clock clock;
  private final Thread thread;
  private final RepeatedFault receiveFailures;
  private final RepeatedFault handlingFailures;

  /** Made once, not a lambda per datagram: the receive loop allocates nothing of its own. */
  private final FaultInjector.Deliver handler =
      (datagram, source) -> handle((InetSocketAddress) source, datagram);

  public Receiver(
      DatagramChannel channel,
      Codec codec,
      DatagramSeal seal,
      Inbound inbound,
      RateCheck floodGate,
      Drops drops,
      FaultInjector faults,
      Clock clock) {
    this.channel = channel;
    this.codec = codec;
    this.seal = seal;
    this.inbound = inbound;
    this.floodGate = floodGate;
    this.drops = drops;
    this.faults = faults;
    this.clock = clock;
    this.thread = new Thread(this::run, "udpchat-receiver");
    this.receiveFailures = new RepeatedFault(log, "receiving (udpchat-receiver)", System::nanoTime);
    this.handlingFailures =
        new RepeatedFault(log, "handling a datagram (udpchat-receiver)", System::nanoTime);
  }

  public void start() {
    thread.start();
  }

  private void run() {
    // One byte more than the limit (sealed, in a private room): the JDK truncates a larger
    // datagram silently, so a full buffer is the only sign that a datagram was too large.
    ByteBuffer buffer = ByteBuffer.allocate(Limits.MAX_DATAGRAM_BYTES + seal.overheadBytes() + 1);
    while (true) {
      buffer.clear();
      InetSocketAddress from;
      try {
        from = (InetSocketAddress) channel.receive(buffer);
      } catch (ClosedChannelException e) {
        return; // close() closed the socket: the way this thread is told to stop
      } catch (IOException e) {
        receiveFailures.occurred(e);
        continue;
      }
      buffer.flip();
      faults.receive(buffer, from, handler);
    }
  }

  /** Called on this thread, or on the fault injector's for a datagram it held back. */
  private void handle(InetSocketAddress from, ByteBuffer datagram) {
    try {
      decodeAndHandle(from, datagram);
    } catch (RuntimeException e) {
      // A bug hit by one datagram, maybe by every one like it: logged once, then counted.
      handlingFailures.occurred(e);
    }
  }

  private void decodeAndHandle(InetSocketAddress from, ByteBuffer datagram) {
    long nowMs = clock.millis();
    if (!floodGate.allow(from.getAddress(), nowMs)) {
      // Before opening or parsing: a flood costs this check and a counter, nothing more.
      drops.count(Drops.RATE_LIMITED, from, "over the source address's rate");
      return;
    }
    ByteBuffer contents;
    try {
      contents = seal.open(Flow.TO_SERVER, datagram, from);
    } catch (SealException e) {
      drops.count(e.replayed() ? Drops.REPLAYED : Drops.BAD_SEAL, from, e.getMessage());
      return;
    }
    // Heap buffers, starting at 0: ours, the injector's copies, and what the seal opened.
    byte[] bytes = contents.array();
    int length = contents.limit();
    ProtocolException cheap = CheapRejects.of(bytes, length);
    if (cheap != null) {
      refused(from, cheap, nowMs); // the codec's reason, without reading it
      return;
    }
    try {
      ClientMessage request = codec.decode(bytes, length, ClientMessage.class);
      inbound.onRequest(from, request, length, nowMs);
    } catch (ProtocolException e) {
      refused(from, e, nowMs);
    }
  }

  /** Counts a datagram that is not valid protocol; the room tells a member about it. */
  private void refused(InetSocketAddress from, ProtocolException problem, long nowMs) {
    drops.count(problem.reason().code(), from, problem.getMessage());
    inbound.onMalformed(from, problem, nowMs);
  }

  /** Whether the receive loop runs (started, and not stopped by a close or a failure). */
  public boolean running() {
    return thread.isAlive();
  }

  /** Closes the socket, which ends the blocked receive, and waits for the thread to end. */
  @Override
  public void close() throws IOException, InterruptedException {
    channel.close();
    thread.join();
  }
}
