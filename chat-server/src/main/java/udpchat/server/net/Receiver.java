package udpchat.server.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.log.RepeatedFault;
import udpchat.net.FaultInjector;
import udpchat.protocol.ClientMessage;
import udpchat.protocol.Drops;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.json.Codec;
import udpchat.secure.link.LinkFormat;

/**
 * The thread on the socket ({@code udpchat-receiver}): reads each datagram, passes it through the
 * link ({@link LinkOpener}: the handshake, each session's keys, the two doors' rates), decodes what
 * opened, and hands it to the room's inbox ({@link Inbound}), which never blocks. Bad input is
 * dropped and counted here; nothing a peer sends can end this loop. A datagram that does not open
 * under its address's session is dropped before any JSON is read, and never answered; nor is a
 * genuine one that came before (a replay).
 */
public final class Receiver implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Receiver.class);

  private static final String OVERSIZE = ProtocolException.Reason.OVERSIZE.code();

  private final DatagramChannel channel;
  private final Codec codec;
  private final LinkOpener links;
  private final Inbound inbound;
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
      LinkOpener links,
      Inbound inbound,
      Drops drops,
      FaultInjector faults,
      Clock clock) {
    this.channel = channel;
    this.codec = codec;
    this.links = links;
    this.inbound = inbound;
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
    ByteBuffer buffer = ByteBuffer.allocate(LinkFormat.MAX_DATAGRAM_BYTES + 1);
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
    if (datagram.remaining() > LinkFormat.MAX_DATAGRAM_BYTES) {
      // The buffer is one byte larger than any datagram of the protocol: a full one was cut.
      drops.count(OVERSIZE, from, "larger than any datagram of protocol 3");
      return;
    }
    // Before any JSON: the link opens it under its address's session (one MAC check), or answers
    // the handshake, or drops it; only an authenticated payload comes out.
    byte[] bytes = links.receive(from, datagram, nowMs, TimeUnit.MILLISECONDS.toNanos(nowMs));
    if (bytes == null) {
      return;
    }
    int length = bytes.length;
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
