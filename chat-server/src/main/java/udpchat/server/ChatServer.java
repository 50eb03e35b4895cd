package udpchat.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.crypto.DatagramSeal;
import udpchat.net.Addresses;
import udpchat.net.FaultCounts;
import udpchat.net.FaultInjector;
import udpchat.protocol.Drops;
import udpchat.protocol.json.Codec;
import udpchat.secure.identity.Fingerprint;
import udpchat.secure.link.Responder;
import udpchat.secure.noise.KeyPair;
import udpchat.secure.transport.RekeyPolicy;
import udpchat.server.door.FloodGate;
import udpchat.server.journal.DataFolder;
import udpchat.server.journal.Journal;
import udpchat.server.journal.JournalCounts;
import udpchat.server.journal.RoomLog;
import udpchat.server.link.Links;
import udpchat.server.link.ServerKey;
import udpchat.server.net.Receiver;
import udpchat.server.net.Sender;
import udpchat.server.net.ServerSocket;
import udpchat.server.room.Room;
import udpchat.server.room.RoomAgent;
import udpchat.server.room.RoomSnapshot;
import udpchat.time.WallStamps;

/**
 * A running chat server: one UDP socket, the {@link Room} with its {@link RoomLog} and {@link
 * Journal}, and the threads that serve it, each the one owner of its state: the {@link Receiver}
 * (socket to room inbox), the {@link RoomAgent} (the room, its sweep and retransmission timers),
 * the {@link Sender} (fan-out), and the journal's syncer. Closing it tells the members that the
 * server is going away and stops every thread.
 */
public final class ChatServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ChatServer.class);

  /** Addresses with a handshake under way kept beyond the member cap. */
  static final int HANDSHAKES_UNDER_WAY = 1024;

  private final ServerConfig config;
  private final DatagramChannel channel;
  private final Drops drops;
  private final Sender sender;
  private final RoomAgent roomAgent;
  private final Receiver receiver;
  private final DataFolder dataFolder;
  private final Journal journal;
  private final FaultInjector faults;
  private final FloodGate floodGate;
  private final DatagramSeal seal;
  private final Fingerprint fingerprint;
  // The receiving thread's: only its thread-safe counters are read here.
  private final Links links;
  private final long epoch;
  private final long headAtStart;
  private final ServerReadings readings;

  /** A server whose timers and stamps read one clock (tests that set the time). */
  public ChatServer(ServerConfig config, Clock clock) throws IOException {
    this(config, clock, clock);
  }

  /**
   * @param clock what timers decide by (expiry, heartbeats, retransmission, rate limits): a
   *     monotonic clock ({@code MonotonicClock}) in production, which a clock step cannot move
   * @param wall what events are stamped with ({@code at}, shown to members): the wall clock
   */
  public ChatServer(ServerConfig config, Clock clock, Clock wall) throws IOException {
    this.config = config;
    Codec codec = new Codec();
    this.channel = ServerSocket.open(config.bind());
    RoomLog events;
    DataFolder claimed = null;
    Journal opened = null;
    FaultInjector injector = null;
    KeyPair key;
    try {
      if (config.data() != null) {
        claimed = DataFolder.claim(config.data(), holder());
        opened = new Journal(config.data(), codec, config.roomKey());
      }
      key = ServerKey.of(config.data());
      events = new RoomLog(config.history(), opened); // reads the journal
      injector = new FaultInjector(config.faults(), "udpchat-faults");
    } catch (IOException | RuntimeException e) {
      // What was opened is closed, the last first; the failure that stopped the start is thrown.
      CloseAll.afterFailure(e, injector, opened, claimed, channel);
      throw e;
    }
    this.dataFolder = claimed;
    this.journal = opened;
    this.faults = injector;
    // Random, so that a client tells this process from the one before it.
    this.epoch = new SecureRandom().nextLong() & Long.MAX_VALUE;
    this.drops = new Drops(clock);
    this.seal = DatagramSeal.of(config.roomKey());
    this.sender = new Sender(channel, codec, drops, faults);
    this.fingerprint = Fingerprint.of(key.publicKey());
    // Handed to its thread at once: from here on no other thread touches it.
    Room room =
        new Room(
            sender,
            codec,
            drops,
            events,
            config.timeout(),
            config.heartbeat(),
            config.backlog(),
            epoch,
            config.maxMembers(),
            config.maxPerAddress(),
            Room.NOTICE_HOLD_MS,
            new WallStamps(clock, wall));
    this.floodGate = new FloodGate(config.rateLimit(), config.burst());
    this.roomAgent = new RoomAgent(room, codec, drops, config.sweep(), clock);
    this.links =
        new Links(
            new Responder(
                key,
                config.roomKey() == null ? null : config.roomKey().handshakeKey(),
                RekeyPolicy.DEFAULT),
            seal,
            sender,
            floodGate,
            drops,
            config.rateLimit(),
            config.burst(),
            config.maxMembers() + HANDSHAKES_UNDER_WAY);
    this.receiver = new Receiver(channel, codec, links, roomAgent, drops, faults, clock);
    this.headAtStart = events.head();
    this.readings =
        new ServerReadings(
            epoch,
            fingerprint,
            seal.sealed(),
            wall.millis(),
            System.nanoTime(),
            channel.getOption(StandardSocketOptions.SO_RCVBUF),
            drops,
            roomAgent.counters(),
            roomAgent.receivedByType(),
            sender.sentByType(),
            sender::datagramsSent,
            this::journalCounts,
            journal == null ? null : journal.state(),
            receiver::running,
            roomAgent::running);
  }

  /** The counters and liveness checks the operator's view reads: thread-safe, asking no one. */
  public ServerReadings readings() {
    return readings;
  }

  public ChatServer start() throws IOException {
    // Each stage before the one that feeds it: nothing is queued for a thread not yet running.
    if (journal != null) {
      journal.start();
    }
    sender.start();
    roomAgent.start();
    receiver.start();
    ServerLog.started(
        config,
        address(),
        channel.getOption(StandardSocketOptions.SO_RCVBUF),
        channel.getOption(StandardSocketOptions.SO_SNDBUF),
        seal.sealed(),
        fingerprint,
        journal,
        epoch,
        headAtStart);
    return this;
  }

  /** This process's random id, told in every welcome and discovery reply. */
  public long epoch() {
    return epoch;
  }

  /** What the simulated faults did so far (all zero when none are simulated). */
  public FaultCounts faultCounts() {
    return faults.snapshot();
  }

  /** The address the socket is bound to, with the port the kernel picked when 0 was asked. */
  public InetSocketAddress address() throws IOException {
    return (InetSocketAddress) channel.getLocalAddress();
  }

  /** The names in the room now, in {@code /who} order: asked of the room thread. */
  public List<String> members() {
    return roomSnapshot().names();
  }

  /**
   * What the room looks like now, as its thread answers (within five seconds, or an {@link
   * IllegalStateException}): no other thread reads the room's state.
   */
  public RoomSnapshot roomSnapshot() {
    return roomAgent.snapshotWithin(Duration.ofSeconds(5));
  }

  /** The fingerprint of the server's static key, which clients pin and people compare. */
  public Fingerprint fingerprint() {
    return fingerprint;
  }

  /** How this server's datagrams are sealed: its room key's seal, or none for an open room. */
  public DatagramSeal seal() {
    return seal;
  }

  /** What the server has sent so far: datagrams, and the batches among them. */
  public SendCounts sendCounts() {
    return new SendCounts(sender.datagramsSent(), sender.batchesSent(), sender.batchedEventsSent());
  }

  /**
   * What the journal has written so far: events, the writes that carried them (one per duty cycle
   * of the room that had events: group commit), and the forces to the disk. All zero without a
   * journal.
   */
  public JournalCounts journalCounts() {
    return journal == null ? JournalCounts.NONE : journal.counts();
  }

  /** The drop counters, by reason. */
  public Drops drops() {
    return drops;
  }

  /** How many datagrams the server sent to addresses that were not members (retries, refusals). */
  public long strangerReplies() {
    return roomSnapshot().strangerReplies() + links.strangerReplies();
  }

  /** The bytes of those datagrams: never more than the bytes of the datagrams they answered. */
  public long strangerReplyBytes() {
    return roomSnapshot().strangerReplyBytes() + links.strangerReplyBytes();
  }

  /** How many source addresses the flood gate holds a token bucket for (it keeps a bounded few). */
  public int rateLimitedSources() {
    return floodGate.sources();
  }

  /** Datagrams from sources the flood gate had no place for, held to its one shared bucket. */
  public long rateLimitOverflow() {
    return floodGate.overflowed();
  }

  /** Who holds the data folder, as a second server's refusal names it. */
  private String holder() throws IOException {
    return "pid " + ProcessHandle.current().pid() + ", UDP " + Addresses.format(address());
  }

  /**
   * Tells the members the server is going away, sends what is queued, stops the threads, and lets
   * the journal and the data folder go: every step, even when one before it fails. The stages stop
   * from the room on, then the receiver: it stops when the socket closes, which must wait until the
   * sender has sent the room's goodbye (what it hands the stopped room meanwhile is ignored).
   */
  @Override
  public void close() throws Exception {
    CloseAll.inOrder(
        roomAgent, // the goodbye, after what is in its inbox
        sender,
        receiver, // closes the socket, after the goodbye has been sent
        this::reportFaults,
        () -> ServerLog.stopped(journal),
        faults,
        journal,
        dataFolder,
        () -> log.info("stopped"));
  }

  private void reportFaults() {
    if (config.faults().any()) {
      log.info("simulated faults: {}", faults.snapshot());
    }
  }
}
