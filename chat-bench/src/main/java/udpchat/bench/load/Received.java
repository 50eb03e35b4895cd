package udpchat.bench.load;

import udpchat.bench.wire.Inbound;
import udpchat.bench.wire.Stamp;

/**
 * What a simulated member counts of one event of its stream once it is shown: a bench message's
 * stamp and datagram size, or how many events a {@code lost} stands for. The load fills one
 * instance for every event it reads; {@link udpchat.stream.Arrivals} keeps a {@link #copy} of an
 * event only when it must wait for an earlier one.
 */
final class Received {

  /** The stamp's send time ({@link Stamp}), or -1 for an event that is no bench message. */
  long sentNs;

  /** The sending member's index in the stamp, or -1. */
  int sender;

  /** The sender's message number in the stamp, or -1. */
  long number;

  /** The size of the datagram (or batch item) it came in. */
  int bytes;

  /** For a {@code lost}: the events the server no longer had; 0 for any other event. */
  long lost;

  /** This instance, filled with what {@code event} read ({@code bytes} long). */
  Received of(Inbound event, int bytes) {
    this.sentNs = event.sentNs;
    this.sender = event.sender;
    this.number = event.number;
    this.bytes = bytes;
    this.lost = event.kind == Inbound.Kind.LOST ? event.seq - event.prev : 0;
    return this;
  }

  Received copy() {
    Received copy = new Received();
    copy.sentNs = sentNs;
    copy.sender = sender;
    copy.number = number;
    copy.bytes = bytes;
    copy.lost = lost;
    return copy;
  }
}
