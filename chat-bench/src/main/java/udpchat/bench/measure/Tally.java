package udpchat.bench.measure;

import org.HdrHistogram.Histogram;

/**
 * What the members counted during one run: messages sent and received, losses, duplicates, the
 * send-to-receive latency (an HdrHistogram, so p99.9 and the maximum are exact to 3 digits), and
 * the protocol's own events. Only the members' thread writes it; it is read after the run, through
 * {@code MemberPool.call}.
 */
public final class Tally {

  /** Latencies from 1 µs to 60 s, 3 significant digits. */
  public final Histogram latencyNs = new Histogram(1_000, 60_000_000_000L, 3);

  /** Messages count when their stamp falls in [measureFromNs, measureToNs). */
  public long measureFromNs = Long.MAX_VALUE;

  public long measureToNs = Long.MAX_VALUE;

  /** Messages due inside the window (by the rate, or room in the closed loop's window). */
  public long offered;

  /** Of those, not sent: the sender had as many on their way as a client may have. */
  public long refused;

  /** Messages first sent inside the window. */
  public long sent;

  /** Sends of a message again (no confirmation in time). */
  public long resent;

  /** Messages the server confirmed with posted. */
  public long posted;

  /** Messages of the window received, each once per member. */
  public long delivered;

  /** Bench messages received inside the window, whenever sent: the delivered rate. */
  public long receivedInWindow;

  /** Bytes of those, for the average datagram size. */
  public long bytesInWindow;

  /** Copies of an event a member already had. */
  public long duplicates;

  /** Events the server no longer had for a member ({@code lost}). */
  public long lostByServer;

  public long joined;
  public long joinsSent;
  public long pingsSent;
  public long pongs;
  public long acksSent;

  /** Unnumbered {@code expired} notices to a member that kept heartbeating. */
  public long expiredNotices;

  /** Numbered {@code expired} notices seen by the first member, about bench members. */
  public long expiredSeen;

  public long forgotten;

  /** Batch datagrams received (each event in them is counted as if it came alone). */
  public long batches;

  public long errors;
  public long invalid;

  /** Handshakes the members' links completed: one per member, then one per rekey. */
  public long handshakes;

  /** Datagrams a member's link refused: not sealed under its session (forged, or stale). */
  public long linkRefused;

  /** Of those, how many for each reason ({@code RefusedDatagram.Reason}'s ordinal). */
  public long[] linkRefusedBy = new long[16];

  /** Sends the kernel refused at once (a full send buffer on a non-blocking socket). */
  public long sendsRefused;

  public boolean inWindow(long sentNs) {
    return sentNs >= measureFromNs && sentNs < measureToNs;
  }

  /** A bench message reached a member: its first copy there, or a duplicate. */
  public void onMessage(long sentNs, long receivedNs, int bytes, boolean firstCopy) {
    if (!firstCopy) {
      duplicates++;
      return;
    }
    if (receivedNs >= measureFromNs && receivedNs < measureToNs) {
      receivedInWindow++;
      bytesInWindow += bytes;
    }
    if (inWindow(sentNs)) {
      delivered++;
    }
    if (sentNs >= measureFromNs) {
      latencyNs.recordValue(Math.max(1_000, Math.min(receivedNs - sentNs, 60_000_000_000L)));
    }
  }

  /** A copy made on the members' thread, to read on this one. */
  public Tally snapshot() {
    Tally tally = this;
    Tally copy = new Tally();
    copy.latencyNs.add(tally.latencyNs);
    copy.measureFromNs = tally.measureFromNs;
    copy.measureToNs = tally.measureToNs;
    copy.offered = tally.offered;
    copy.refused = tally.refused;
    copy.sent = tally.sent;
    copy.resent = tally.resent;
    copy.posted = tally.posted;
    copy.delivered = tally.delivered;
    copy.receivedInWindow = tally.receivedInWindow;
    copy.bytesInWindow = tally.bytesInWindow;
    copy.duplicates = tally.duplicates;
    copy.lostByServer = tally.lostByServer;
    copy.joined = tally.joined;
    copy.joinsSent = tally.joinsSent;
    copy.pingsSent = tally.pingsSent;
    copy.pongs = tally.pongs;
    copy.acksSent = tally.acksSent;
    copy.expiredNotices = tally.expiredNotices;
    copy.expiredSeen = tally.expiredSeen;
    copy.forgotten = tally.forgotten;
    copy.batches = tally.batches;
    copy.errors = tally.errors;
    copy.invalid = tally.invalid;
    copy.sendsRefused = tally.sendsRefused;
    copy.handshakes = tally.handshakes;
    copy.linkRefused = tally.linkRefused;
    copy.linkRefusedBy = tally.linkRefusedBy.clone();
    return copy;
  }
}
