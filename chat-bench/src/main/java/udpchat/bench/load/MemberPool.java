package udpchat.bench.load;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import udpchat.secure.link.LinkFormat;

/**
 * The simulated members' sockets and the one thread that serves them all: N non-blocking {@link
 * DatagramChannel}s on loopback, each bound to its own port, on one {@link Selector}. The thread
 * hands every datagram to the current {@link Driver} and gives it a turn at least every millisecond
 * for its timers. Other threads talk to it only through {@link #call}, so the members' state needs
 * no locks.
 */
public final class MemberPool implements AutoCloseable {

  /** What the members do: the chat protocol against a server, or raw datagrams to a reflector. */
  interface Driver {
    /** One datagram arrived at {@code member}; {@code bytes[0, length)} is reused afterwards. */
    void onDatagram(SimMember member, byte[] bytes, int length, long nowNs);

    /** A turn for timers; called at least every millisecond. */
    void onTick(long nowNs);
  }

  /** Datagrams read from one socket before the others get their turn. */
  private static final int READ_BURST = 64;

  private final List<SimMember> members = new ArrayList<>();
  private final Selector selector;
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final Thread thread;
  private final int receiveBufferBytes;
  private final int sendBufferBytes;
  private volatile boolean running = true;
  private volatile Throwable failure;
  private Driver driver;
  private long datagramsIn;

  /**
   * Opens {@code count} sockets on {@code bind} (port 0 each), asking the kernel for the given
   * buffer sizes (0 keeps its default).
   */
  public MemberPool(int count, InetAddress bind, int receiveBuffer, int sendBuffer)
      throws IOException {
    this.selector = Selector.open();
    SecureRandom random = new SecureRandom();
    try {
      for (int i = 0; i < count; i++) {
        DatagramChannel channel = DatagramChannel.open();
        members.add(null); // keeps the index even if the next lines throw
        if (receiveBuffer > 0) {
          channel.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
        }
        if (sendBuffer > 0) {
          channel.setOption(StandardSocketOptions.SO_SNDBUF, sendBuffer);
        }
        channel.bind(new InetSocketAddress(bind, 0));
        channel.configureBlocking(false);
        byte[] id = new byte[16];
        random.nextBytes(id);
        SimMember member =
            new SimMember(
                i,
                channel,
                (InetSocketAddress) channel.getLocalAddress(),
                Base64.getUrlEncoder().withoutPadding().encodeToString(id));
        members.set(i, member);
        channel.register(selector, SelectionKey.OP_READ, member);
      }
      SimMember first = members.get(0);
      this.receiveBufferBytes = first.channel.getOption(StandardSocketOptions.SO_RCVBUF);
      this.sendBufferBytes = first.channel.getOption(StandardSocketOptions.SO_SNDBUF);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
    this.thread = new Thread(this::run, "udpchat-bench-members");
  }

  public MemberPool start() {
    thread.start();
    return this;
  }

  public List<SimMember> members() {
    return members;
  }

  /** The receive buffer the kernel granted each socket (Linux reports twice what was asked). */
  public int receiveBufferBytes() {
    return receiveBufferBytes;
  }

  public int sendBufferBytes() {
    return sendBufferBytes;
  }

  /** Runs {@code task} on the members' thread and returns its result. */
  public <T> T call(Supplier<T> task) {
    if (failure != null) {
      throw new IllegalStateException("the members' thread failed: " + failure, failure);
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    tasks.add(
        () -> {
          try {
            result.complete(task.get());
          } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
          }
        });
    selector.wakeup();
    try {
      return result.get(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the members' thread failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the members' thread did not answer within 60 s", e);
    }
  }

  /** Hands the members to {@code next} (null: datagrams are read and dropped). */
  public void use(Driver next) {
    call(
        () -> {
          driver = next;
          return null;
        });
  }

  /** Datagrams received since the start, whatever the driver. */
  public long datagramsIn() {
    return call(() -> datagramsIn);
  }

  private void run() {
    ByteBuffer buffer = ByteBuffer.allocate(LinkFormat.MAX_DATAGRAM_BYTES + 1);
    byte[] bytes = buffer.array();
    try {
      while (running) {
        for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
          task.run();
        }
        if (driver != null) {
          driver.onTick(System.nanoTime());
        }
        selector.select(1);
        Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
        while (ready.hasNext()) {
          SelectionKey key = ready.next();
          ready.remove();
          SimMember member = (SimMember) key.attachment();
          for (int i = 0; i < READ_BURST; i++) {
            buffer.clear();
            if (member.channel.receive(buffer) == null) {
              break;
            }
            datagramsIn++;
            if (driver != null) {
              driver.onDatagram(member, bytes, buffer.position(), System.nanoTime());
            }
          }
        }
      }
    } catch (IOException | RuntimeException | Error e) {
      if (running) {
        failure = e; // the next call() says so, rather than waiting for an answer
        e.printStackTrace();
      }
    }
  }

  @Override
  public void close() throws IOException {
    running = false;
    selector.wakeup();
    if (thread != null && thread.isAlive()) {
      try {
        thread.join(5000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (SimMember member : members) {
      if (member != null) {
        member.channel.close();
      }
    }
    selector.close();
  }
}
