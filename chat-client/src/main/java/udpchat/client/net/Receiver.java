package udpchat.client.net;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.client.session.SessionAgent;
import udpchat.net.FaultInjector;
import udpchat.protocol.Drops;
import udpchat.secure.link.LinkFormat;

/**
 * The thread that reads the server's datagrams and hands a copy of each to the session's thread
 * ({@link SessionAgent}), which opens and decodes it (the link's keys are that thread's alone); it
 * never waits for it: when its queue is full the datagram is dropped and counted ({@code
 * inbox-full}), as the network might have, and the server sends again what matters.
 */
public final class Receiver implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Receiver.class);

  /**
   * One byte over the largest datagram the server sends (a sealed one; an accept, even wrapped in a
   * private room's seal, is far smaller), so one the JDK truncated fails to open.
   */
  static final int BUFFER_BYTES = LinkFormat.MAX_DATAGRAM_BYTES + 1;

  private final Connection connection;
  private final SessionAgent session;
  private final Clock clock;
  private final Thread thread;
  private final Drops drops;
  private final FaultInjector faults;

  /**
   * @param drops where a datagram the session's queue had no room for is counted
   * @param clock the timers' clock, which stamps each datagram with when it was read
   */
  public Receiver(
      Connection connection, SessionAgent session, FaultInjector faults, Drops drops, Clock clock) {
    this.connection = connection;
    this.session = session;
    this.faults = faults;
    this.clock = clock;
    this.drops = drops;
    this.thread = new Thread(this::run, "udpchat-receiver");
    thread.setDaemon(true); // never keeps a leaving client alive
  }

  public void start() {
    thread.start();
  }

  private void run() {
    ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
    while (true) {
      buffer.clear();
      try {
        connection.receive(buffer);
      } catch (ClosedChannelException e) {
        return; // close() closed the socket
      } catch (PortUnreachableException e) {
        session.unreachable(); // said at once; the session keeps trying
        continue;
      } catch (IOException e) {
        log.warn("receive failed: {}", e.toString());
        continue;
      }
      buffer.flip();
      faults.receive(buffer, connection.server(), (datagram, from) -> handOver(datagram));
    }
  }

  /** Called on this thread, or on the fault injector's for a datagram it held back. */
  private void handOver(ByteBuffer datagram) {
    try {
      byte[] bytes = new byte[datagram.remaining()]; // the buffer is read into again at once
      datagram.get(bytes);
      if (!session.arrived(bytes, clock.millis())) {
        drops.count(Drops.INBOX_FULL, connection.server(), "the session's queue is full");
      }
    } catch (RuntimeException e) {
      log.error("unexpected failure handing over a datagram", e);
    }
  }

  /** Waits for the thread to end; the caller closes the connection first, which wakes it. */
  @Override
  public void close() throws InterruptedException {
    thread.join(2000);
  }
}
