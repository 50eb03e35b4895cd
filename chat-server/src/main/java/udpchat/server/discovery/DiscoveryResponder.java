package udpchat.server.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.crypto.DatagramSeal;
import udpchat.crypto.Flow;
import udpchat.crypto.SealException;
import udpchat.discovery.DiscoveryProtocol;
import udpchat.log.RepeatedFault;
import udpchat.net.Addresses;
import udpchat.secure.identity.Fingerprint;
import udpchat.time.MonotonicClock;

/**
 * Answers discovery requests ({@link DiscoveryProtocol}) with the chat port and the room's name, so
 * clients on the LAN find the server without {@code --host}. Only a well-formed request is
 * answered, with a reply smaller than it, and no more often than the {@link ReplyLimiter} allows;
 * anything else gets nothing. A private room's server answers only requests sealed with its room
 * key, and seals its reply: a client without the key learns nothing, not even that the room is
 * there.
 *
 * <p>Owns the thread {@code udpchat-discovery}: {@link #start} starts it, {@link #close} closes the
 * socket (which ends the blocked receive) and joins it.
 */
public final class DiscoveryResponder implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DiscoveryResponder.class);

  private final DatagramChannel channel;
  private final int chatPort;
  private final String room;
  private final Clock clock;
  private final DatagramSeal seal;
  private final ReplyLimiter limiter = new ReplyLimiter();
  private final Thread thread;
  private final Predicate<InetAddress> serves;
  private final long instance;
  private final Fingerprint serverKey;
  private final LongAdder elsewhere = new LongAdder();
  private final RepeatedFault receiveFailures =
      new RepeatedFault(log, "receiving a discovery request (udpchat-discovery)", System::nanoTime);
  private final RepeatedFault answerFailures =
      new RepeatedFault(log, "answering a discovery request (udpchat-discovery)", System::nanoTime);

  /**
   * @param bind where to listen: the wildcard address, so broadcasts arrive (several servers on one
   *     host can share the port: it is opened with SO_REUSEADDR, and each gets every broadcast)
   * @param chatPort the chat server's port, given in replies
   * @param room the room's name, a valid name
   * @param seal a private room's: requests must be sealed with its key, and replies are
   * @param clock what the reply limit decides by: a monotonic clock ({@link MonotonicClock})
   *     outside tests, as a wall clock set back an hour would refuse every known source for that
   *     hour
   * @param serves whose requests are answered: the network the chat socket is bound to ({@link
   *     ServedNetwork}); the others are ignored and counted
   * @param instance the server's identity in replies (its epoch), the same through every interface
   * @param serverKey the fingerprint of the server's static key, in replies of version 3
   */
  public DiscoveryResponder(
      InetSocketAddress bind,
      int chatPort,
      String room,
      DatagramSeal seal,
      Clock clock,
      Predicate<InetAddress> serves,
      long instance,
      Fingerprint serverKey)
      throws IOException {
    this.serves = serves;
    this.instance = instance;
    this.serverKey = serverKey;
    new DiscoveryProtocol.Reply(0, chatPort, room); // checks both before anything is opened
    this.chatPort = chatPort;
    this.room = room;
    this.seal = seal;
    this.clock = clock;
    this.channel = DatagramChannel.open();
    try {
      channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      channel.bind(bind);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    this.thread = new Thread(this::run, "udpchat-discovery");
  }

  public DiscoveryResponder start() throws IOException {
    thread.start();
    log.info(
        "answering discovery on {} (room {}) from {}", Addresses.format(address()), room, serves);
    return this;
  }

  /**
   * An open room's responder that says {@code instance} and {@code serverKey}, answering everyone
   * (tests elsewhere).
   */
  public static DiscoveryResponder forTest(
      InetSocketAddress bind, int chatPort, String room, long instance, Fingerprint serverKey)
      throws IOException {
    return new DiscoveryResponder(
        bind,
        chatPort,
        room,
        DatagramSeal.NONE,
        MonotonicClock.INSTANCE,
        source -> true,
        instance,
        serverKey);
  }

  /** Requests ignored because they came from a network the chat socket is not bound to. */
  long ignoredFromElsewhere() {
    return elsewhere.sum();
  }

  /** Requests whose receiving or answering failed unexpectedly (the thread went on). */
  long failures() {
    return receiveFailures.total() + answerFailures.total();
  }

  /** Where the responder listens, with the port the kernel picked when 0 was asked. */
  public InetSocketAddress address() throws IOException {
    return (InetSocketAddress) channel.getLocalAddress();
  }

  private void run() {
    // One byte over the request's size, so a longer datagram is seen as such.
    ByteBuffer buffer =
        ByteBuffer.allocate(DiscoveryProtocol.REQUEST_BYTES + seal.overheadBytes() + 1);
    while (true) {
      buffer.clear();
      InetSocketAddress from;
      try {
        from = (InetSocketAddress) channel.receive(buffer);
      } catch (ClosedChannelException e) {
        return; // close() closed the socket
      } catch (IOException e) {
        receiveFailures.occurred(e);
        continue;
      }
      try {
        buffer.flip();
        answer(from, buffer);
      } catch (RuntimeException e) {
        // A bug hit by one request is likely hit by every one like it: logged once, then counted.
        answerFailures.occurred(e);
      }
    }
  }

  private void answer(InetSocketAddress from, ByteBuffer datagram) {
    if (!serves.test(from.getAddress())) {
      elsewhere.increment(); // from a network the chat socket is not bound to: not ours to answer
      return;
    }
    int length = datagram.remaining();
    ByteBuffer request;
    try {
      request = seal.open(Flow.DISCOVERY_REQUEST, datagram);
    } catch (SealException e) {
      return; // not for this room: nothing back
    }
    Optional<Long> nonce = DiscoveryProtocol.readRequest(request.array(), request.limit());
    if (nonce.isEmpty() || !limiter.allow(from.getAddress(), clock.millis())) {
      return; // nothing back: the responder is no reflector
    }
    byte[] contents =
        DiscoveryProtocol.reply(
            new DiscoveryProtocol.Reply(nonce.get(), chatPort, room, instance, serverKey),
            DiscoveryProtocol.version(request.array()));
    ByteBuffer reply = seal.seal(Flow.DISCOVERY_REPLY, contents, contents.length);
    if (reply.remaining() > length) {
      throw new IllegalStateException("a discovery reply must be smaller than its request");
    }
    try {
      channel.send(reply, from);
    } catch (IOException e) {
      log.debug("discovery reply to {} failed: {}", from, e.toString());
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    channel.close();
    thread.join();
  }
}
