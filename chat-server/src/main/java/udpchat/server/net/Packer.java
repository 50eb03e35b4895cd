package udpchat.server.net;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import udpchat.protocol.Batch;
import udpchat.protocol.Limits;
import udpchat.protocol.json.Codec;

/**
 * Packs what is waiting for each member into as few datagrams as the size limit allows, since the
 * kernel's cost is per datagram: room events for one address that follow each other go in one
 * {@link Batch} up to {@link Limits#MAX_DATAGRAM_BYTES}; anything else (a welcome, a posted) and an
 * event alone travel as they are, in their place. Each member's order is kept.
 *
 * <p>Members that are to be sent the same datagrams (the room's usual case: everyone is up to date,
 * so everyone shares each event's encoding) are packed once, together.
 */
public final class Packer {

  /** The datagrams that carry {@code pending}, each member's in its order. */
  List<Outgoing> pack(List<Outgoing> pending) {
    if (!twoEventsIn(pending)) {
      // No member can have two events to put together: the usual case of a room that keeps up
      // (a posted and the event it confirms) costs no per-member tables on the way to the first
      // send, and no garbage.
      return pending;
    }
    Map<InetSocketAddress, List<Outgoing>> queues = new LinkedHashMap<>();
    for (Outgoing outgoing : pending) {
      for (InetSocketAddress address : outgoing.to()) {
        queues.computeIfAbsent(address, a -> new ArrayList<>()).add(outgoing);
      }
    }
    // Outgoing is equal by identity, so equal queues hold the same datagrams in the same order.
    Map<List<Outgoing>, List<InetSocketAddress>> sharers = new HashMap<>();
    queues.forEach(
        (address, queue) -> sharers.computeIfAbsent(queue, q -> new ArrayList<>()).add(address));
    List<Outgoing> packed = new ArrayList<>();
    sharers.forEach((queue, addresses) -> packInto(packed, queue, addresses));
    return packed;
  }

  private static boolean twoEventsIn(List<Outgoing> pending) {
    int events = 0;
    for (Outgoing outgoing : pending) {
      if (outgoing.packable() && ++events == 2) {
        return true;
      }
    }
    return false;
  }

  private static void packInto(
      List<Outgoing> packed, List<Outgoing> queue, List<InetSocketAddress> to) {
    List<byte[]> run = new ArrayList<>();
    int runBytes = 0;
    for (Outgoing outgoing : queue) {
      int length = outgoing.bytes().length;
      if (!outgoing.packable() || Batch.size(1, length) > Limits.MAX_DATAGRAM_BYTES) {
        flush(packed, run, to);
        runBytes = 0;
        packed.add(new Outgoing(outgoing.bytes(), to, outgoing.events()));
        continue;
      }
      if (Batch.size(run.size() + 1, runBytes + length) > Limits.MAX_DATAGRAM_BYTES) {
        flush(packed, run, to);
        runBytes = 0;
      }
      run.add(outgoing.bytes());
      runBytes += length;
    }
    flush(packed, run, to);
  }

  /** Sends the run as one batch, or its event alone: a batch of one only costs bytes. */
  private static void flush(List<Outgoing> packed, List<byte[]> run, List<InetSocketAddress> to) {
    if (run.size() == 1) {
      packed.add(new Outgoing(run.get(0), to, 1));
    } else if (run.size() > 1) {
      packed.add(new Outgoing(Codec.wrapBatch(run), to, run.size()));
    }
    run.clear();
  }
}
