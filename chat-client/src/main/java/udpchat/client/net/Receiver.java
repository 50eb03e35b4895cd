package udpchat.client.net;

import java.io.IOException;
import java.net.PortUnreachableException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.client.session.SessionAgent;
import udpchat.crypto.DatagramSeal;
import udpchat.crypto.Flow;
import udpchat.crypto.SealException;
import udpchat.net.FaultInjector;
import udpchat.protocol.Batch;
import udpchat.protocol.Chat;
import udpchat.protocol.Drops;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Limits;
import udpchat.protocol.Lost;
import udpchat.protocol.Members;
import udpchat.protocol.Notice;
import udpchat.protocol.Pong;
import udpchat.protocol.Posted;
import udpchat.protocol.Presence;
import udpchat.protocol.Private;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.Retry;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;

/**
 * The thread that reads the server's datagrams, decodes them, and hands them to the session's
 * thread ({@link SessionAgent}), the events of a {@link Batch} one by one; it never waits for it. A
 * datagram that is not valid protocol is dropped and counted (and logged at most once a second,
 * since anyone can forge the server's address); it never ends the loop. In a private room each
 * datagram is opened with the room key first, and one that does not open is dropped unread ({@code
 * bad-seal}).
 */
public final class Receiver implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Receiver.class);

  private final Connection connection;
  private final Codec codec;
  private final DatagramSeal seal;
  private final SessionAgent session;
  private final Clock clock;
  private final Thread thread;
  private final Drops drops;
  private final FaultInjector faults;

  public Receiver(
      Connection connection,
      Codec codec,
      DatagramSeal seal,
      SessionAgent session,
      FaultInjector faults,
      Clock clock) {
    this.connection = connection;
    this.codec = codec;
    this.seal = seal;
    this.session = session;
    this.faults = faults;
    this.clock = clock;
    this.drops = new Drops(clock);
    this.thread = new Thread(this::run, "udpchat-receiver");
    thread.setDaemon(true); // never keeps a leaving client alive
  }

  public void start() {
    thread.start();
  }

  /** The datagrams from the server dropped as invalid, by reason. */
  public Drops drops() {
    return drops;
  }

  private void run() {
    // One byte over the limit, so a datagram the JDK truncated shows as a full buffer.
    ByteBuffer buffer = ByteBuffer.allocate(Limits.MAX_DATAGRAM_BYTES + seal.overheadBytes() + 1);
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
      faults.receive(buffer, connection.server(), (datagram, from) -> handle(datagram));
    }
  }

  /** Called on this thread, or on the fault injector's for a datagram it held back. */
  private void handle(ByteBuffer datagram) {
    try {
      // Heap buffers starting at 0: ours, the injector's copies, and what the seal opened.
      ByteBuffer contents = seal.open(Flow.TO_CLIENT, datagram, connection.server());
      ServerMessage message = codec.decode(contents.array(), contents.limit(), ServerMessage.class);
      long nowMs = clock.millis();
      message.dispatch(new HandOver(nowMs));
    } catch (SealException e) {
      drops.count(
          e.replayed() ? Drops.REPLAYED : Drops.BAD_SEAL, connection.server(), e.getMessage());
    } catch (ProtocolException e) {
      drops.count(e.reason().code(), connection.server(), e.getMessage());
    } catch (RuntimeException e) {
      log.error("unexpected failure handling a datagram", e);
    }
  }

  /** A batch is handed over event by event, each as if it had come alone; the rest as it came. */
  private final class HandOver implements ServerMessage.Handler {
    private final long nowMs;

    HandOver(long nowMs) {
      this.nowMs = nowMs;
    }

    @Override
    public void onBatch(Batch batch) {
      batch.items().forEach(item -> handOver(item, nowMs)); // the session neither knows nor cares
    }

    @Override
    public void onWelcome(Welcome welcome) {
      handOver(welcome, nowMs);
    }

    @Override
    public void onPong(Pong pong) {
      handOver(pong, nowMs);
    }

    @Override
    public void onChat(Chat chat) {
      handOver(chat, nowMs);
    }

    @Override
    public void onPrivate(Private whisper) {
      handOver(whisper, nowMs);
    }

    @Override
    public void onNotice(Notice notice) {
      handOver(notice, nowMs);
    }

    @Override
    public void onMembers(Members members) {
      handOver(members, nowMs);
    }

    @Override
    public void onErrorReply(ErrorReply error) {
      handOver(error, nowMs);
    }

    @Override
    public void onPosted(Posted posted) {
      handOver(posted, nowMs);
    }

    @Override
    public void onLost(Lost lost) {
      handOver(lost, nowMs);
    }

    @Override
    public void onPresence(Presence presence) {
      handOver(presence, nowMs);
    }

    @Override
    public void onRetry(Retry retry) {
      handOver(retry, nowMs);
    }
  }

  /** To the session's thread; dropped and counted when it has that much waiting already. */
  private void handOver(ServerMessage message, long nowMs) {
    if (!session.arrived(message, nowMs)) {
      drops.count(Drops.INBOX_FULL, connection.server(), "the session's queue is full");
    }
  }

  /** Waits for the thread to end; the caller closes the connection first, which wakes it. */
  @Override
  public void close() throws InterruptedException {
    thread.join(2000);
  }
}
