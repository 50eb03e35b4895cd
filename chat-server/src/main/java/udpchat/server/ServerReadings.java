package udpchat.server;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import udpchat.protocol.Drops;
import udpchat.secure.identity.Fingerprint;
import udpchat.server.journal.JournalCounts;
import udpchat.server.journal.JournalState;
import udpchat.server.net.TypeCounts;
import udpchat.server.room.RoomCounters;

/**
 * The running server's thread-safe counters and liveness checks, gathered once for the operator's
 * view (metrics, status page, health): reading them asks no thread for anything.
 *
 * @param epoch this process's random id
 * @param fingerprint the fingerprint of the server's static key, as clients see it
 * @param sealed whether the room is private (every datagram sealed with its key)
 * @param startedAtMs the wall time the server was made
 * @param startedNanos the same moment on {@code System.nanoTime}, for the uptime
 * @param receiveBufferBytes the socket's receive buffer as the kernel granted it (SO_RCVBUF)
 * @param drops dropped datagrams by reason
 * @param room joins, leaves, expiries, messages accepted, retransmits and round trips
 * @param received the decoded requests handed to the room, by type
 * @param sent what the room sent, by type (before batching)
 * @param datagramsSent datagrams sent on the socket (batches counted once per address)
 * @param journal the journal's counts ({@link JournalCounts#NONE} without one)
 * @param journalState its size, bytes and health, or null without a journal
 * @param receiving whether the receive loop runs
 * @param roomRunning whether the room's thread runs
 */
public record ServerReadings(
    long epoch,
    Fingerprint fingerprint,
    boolean sealed,
    long startedAtMs,
    long startedNanos,
    int receiveBufferBytes,
    Drops drops,
    RoomCounters room,
    TypeCounts received,
    TypeCounts sent,
    LongSupplier datagramsSent,
    Supplier<JournalCounts> journal,
    JournalState journalState,
    BooleanSupplier receiving,
    BooleanSupplier roomRunning) {

  /** Seconds since the server was made. */
  public double uptimeSeconds() {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
