package udpchat.server;

import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import udpchat.net.Addresses;
import udpchat.secure.identity.Fingerprint;
import udpchat.server.journal.Journal;
import udpchat.server.journal.JournalCounts;
import udpchat.time.Durations;

/**
 * What the server logs about itself when it starts and stops: its settings, and what its journal
 * did. Under {@link ChatServer}'s logger and in these words: the bench reads the lines (its port,
 * the journal's writes), and docs/PERFORMANCE.md quotes them.
 */
final class ServerLog {

  private static final Logger log = LoggerFactory.getLogger(ChatServer.class);

  private ServerLog() {}

  /**
   * The server listens on {@code address} with the buffers the kernel granted; {@code journal} is
   * null when nothing is kept on disk, {@code head} the last event it read.
   */
  static void started(
      ServerConfig config,
      InetSocketAddress address,
      int receiveBufferBytes,
      int sendBufferBytes,
      boolean sealed,
      Fingerprint fingerprint,
      Journal journal,
      long epoch,
      long headAtStart) {
    log.info(
        "listening on {} (timeout {}, sweep {}, heartbeat {}, receive buffer {} bytes, send buffer {}"
            + " bytes, as granted)",
        Addresses.format(address),
        Durations.format(config.timeout()),
        Durations.format(config.sweep()),
        Durations.format(config.heartbeat()),
        receiveBufferBytes,
        sendBufferBytes);
    log.info(
        "server key {}, short form {} (compare it with what clients show on first contact and in"
            + " discovery; they pin either form with --server-key)",
        fingerprint,
        fingerprint.shortForm());
    if (sealed) {
      log.info(
          "private room: the handshake is sealed with the room key and mixes it in (Noise NXpsk2);"
              + " datagrams that do not open are dropped unanswered");
    }
    log.info(
        "history {} events in memory, backlog {}, {}; epoch {}, last event {}",
        config.history(),
        config.backlog(),
        journal == null ? "nothing kept on disk" : "journal " + journal.file(),
        epoch,
        headAtStart);
    log.info(
        "at most {} members, {} from one address; {} datagrams a second from each source address,"
            + " bursts of {}",
        config.maxMembers(),
        config.maxPerAddress(),
        config.rateLimit() == 0 ? "any number of" : config.rateLimit(),
        config.burst());
  }

  /** The server stopped: what its journal did, if it had one. */
  static void stopped(Journal journal) {
    if (journal != null) {
      JournalCounts counts = journal.counts();
      log.info(
          "journal: {} events in {} writes, forced to the disk {} times",
          counts.events(),
          counts.writes(),
          counts.forces());
    }
  }
}
