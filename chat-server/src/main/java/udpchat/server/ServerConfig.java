package udpchat.server;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import udpchat.crypto.RoomKey;
import udpchat.net.Faults;

/**
 * What a server is started with.
 *
 * @param bind the address and port of the socket (port 0 picks a free one)
 * @param timeout a member whose last datagram is older than this is expired
 * @param sweep how often the room is checked for expired members
 * @param history how many room events are kept in memory (for retransmission, catch-up, history)
 * @param backlog how many recent messages a newcomer is shown
 * @param data the folder of the room's journal, or {@code null} to keep nothing on disk
 * @param faults the faults to simulate on the socket (a testing aid), {@link Faults#NONE} normally
 * @param maxMembers how many members the room holds; a join beyond is refused with {@code
 *     room-full}
 * @param maxPerAddress how many of them may share one IP address; a join beyond is refused with
 *     {@code room-full} too
 * @param rateLimit datagrams a second each source IP address may send (0: no limit); the excess is
 *     dropped before it is decoded
 * @param burst datagrams a source IP address may send at once, above its rate
 * @param roomKey the key of a private room (every datagram sealed with it), or {@code null}
 */
public record ServerConfig(
    InetSocketAddress bind,
    Duration timeout,
    Duration sweep,
    int history,
    int backlog,
    Path data,
    Faults faults,
    int maxMembers,
    int maxPerAddress,
    int rateLimit,
    int burst,
    RoomKey roomKey) {

  public static final int DEFAULT_HISTORY = 1000;
  public static final int DEFAULT_BACKLOG = 20;

  /**
   * Every message goes to every member, so a room of 1000 turns one message into 1000 datagrams
   * (about 200 KB) and 1000 members heartbeating send 200 datagrams a second: a large LAN room,
   * well inside what one server handles. The cap stops one host with many sockets from filling
   * memory with members; a room meant to be larger (a benchmark) says so with --max-members.
   */
  public static final int DEFAULT_MAX_MEMBERS = 1000;

  /**
   * One host with many sockets could otherwise take every place in the room. Several people behind
   * one NAT, or one person with a few clients, are far below it; a benchmark that simulates
   * thousands of members on 127.0.0.1 raises it.
   */
  public static final int DEFAULT_MAX_PER_ADDRESS = 64;

  /**
   * A client sends a heartbeat every 5 s, at most 20 acks a second while events stream in, and its
   * user's messages; 1000 a second from one IP address leaves room for dozens of busy clients
   * behind one address (a NAT, or tests on 127.0.0.1), and caps a flood from one source at what the
   * server parses in a few milliseconds a second.
   */
  public static final int DEFAULT_RATE_LIMIT = 1000;

  /** Two seconds at the default rate: a paste of a hundred lines, or a burst of acks, fits. */
  public static final int DEFAULT_BURST = 2000;

  /**
   * The most --history holds: an event is up to a datagram (1200 bytes), so 100,000 are at most
   * about 120 MB of heap; a larger ring is allocated at start and would end the JVM.
   */
  public static final int MAX_HISTORY = 100_000;

  /** The most --max-members (and --max-per-address): about 60 MB of members, ten times 10,000. */
  public static final int MAX_MEMBERS = 100_000;

  /** The most --rate-limit and --burst: far above what one process can receive. */
  public static final int MAX_RATE = 1_000_000;

  public ServerConfig {
    if (timeout.isNegative() || timeout.isZero() || sweep.isNegative() || sweep.isZero()) {
      throw new IllegalArgumentException("timeout and sweep must be positive");
    }
    if (history < 1 || backlog < 0) {
      throw new IllegalArgumentException("history must be at least 1 and backlog not negative");
    }
    if (maxMembers < 1 || maxPerAddress < 1 || rateLimit < 0 || burst < 1) {
      throw new IllegalArgumentException(
          "maxMembers, maxPerAddress and burst must be at least 1, rateLimit not negative");
    }
  }

  /** A server that keeps nothing on disk, with the default history, backlog and limits. */
  public ServerConfig(InetSocketAddress bind, Duration timeout, Duration sweep) {
    this(
        bind,
        timeout,
        sweep,
        DEFAULT_HISTORY,
        DEFAULT_BACKLOG,
        null,
        Faults.NONE,
        DEFAULT_MAX_MEMBERS,
        DEFAULT_MAX_PER_ADDRESS,
        DEFAULT_RATE_LIMIT,
        DEFAULT_BURST,
        null);
  }

  /**
   * The heartbeat interval the server asks of its clients: a third of the timeout, so a member is
   * expired only after two heartbeats in a row were lost (as JGroups' FD_ALL3 suspects after
   * several missed intervals, not one).
   */
  public Duration heartbeat() {
    return timeout.dividedBy(3);
  }

  public ServerConfig withFaults(Faults simulated) {
    return new ServerConfig(
        bind,
        timeout,
        sweep,
        history,
        backlog,
        data,
        simulated,
        maxMembers,
        maxPerAddress,
        rateLimit,
        burst,
        roomKey);
  }

  /** With room for {@code members} members, as many from one IP address as before. */
  public ServerConfig withMaxMembers(int members) {
    return withMaxMembers(members, maxPerAddress);
  }

  /** With room for {@code members} members, at most {@code perAddress} from one IP address. */
  public ServerConfig withMaxMembers(int members, int perAddress) {
    return new ServerConfig(
        bind,
        timeout,
        sweep,
        history,
        backlog,
        data,
        faults,
        members,
        perAddress,
        rateLimit,
        burst,
        roomKey);
  }

  /** With {@code perSecond} datagrams a second from each source IP (0: no limit), {@code burst}. */
  public ServerConfig withRateLimit(int perSecond, int burstSize) {
    return new ServerConfig(
        bind,
        timeout,
        sweep,
        history,
        backlog,
        data,
        faults,
        maxMembers,
        maxPerAddress,
        perSecond,
        burstSize,
        roomKey);
  }

  /** The same server, for a private room sealed with {@code key} (null: an open room). */
  public ServerConfig withRoomKey(RoomKey key) {
    return new ServerConfig(
        bind,
        timeout,
        sweep,
        history,
        backlog,
        data,
        faults,
        maxMembers,
        maxPerAddress,
        rateLimit,
        burst,
        key);
  }
}
