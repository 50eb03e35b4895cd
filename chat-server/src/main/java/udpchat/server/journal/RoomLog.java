package udpchat.server.journal;

import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import udpchat.protocol.RoomMessage;

/**
 * The room's numbered events: the last {@code capacity} in memory, for retransmission, catch-up and
 * history, and every one appended to the {@link Journal} (when there is one) before anybody is told
 * of it. Numbers go on from the journal's last after a restart.
 *
 * <p>It also remembers which client message became which event, for the events it keeps, so a
 * message sent again (its acknowledgement was lost) is acknowledged again and never posted twice.
 *
 * <p>Not thread-safe: only the room thread touches it.
 */
public final class RoomLog {

  private final RoomEvent[] ring;
  private final Journal journal;
  private final Map<Origin, Long> seqByOrigin = new HashMap<>();
  private final Map<String, Long> lastNByClient = new HashMap<>();
  private long head;
  private long durableHead;

  /** What the staged events changed, the last on top, for {@link #commit} to take back. */
  private final Deque<Kept> undo = new ArrayDeque<>();

  /** The first number this process holds in memory: events before it were lost to a restart. */
  private long firstKept = 1;

  private record Origin(String client, long n) {}

  /**
   * What keeping a staged event changed, to take it back: the event it pushed out of the ring, and
   * the last message numbers of the (at most two) clients whose entry it changed.
   */
  private record Kept(
      RoomEvent event, RoomEvent evicted, String first, Long firstN, String second, Long secondN) {

    static Kept of(RoomEvent event, RoomEvent evicted, Map<String, Long> lastNByClient) {
      String first = event.client();
      String second = evicted == null ? null : evicted.client();
      return new Kept(
          event,
          evicted,
          first,
          first == null ? null : lastNByClient.get(first),
          second,
          second == null ? null : lastNByClient.get(second));
    }

    void restoreLastN(Map<String, Long> lastNByClient) {
      restore(lastNByClient, second, secondN);
      restore(lastNByClient, first, firstN);
    }

    private static void restore(Map<String, Long> lastNByClient, String client, Long n) {
      if (client == null) {
        return;
      }
      if (n == null) {
        lastNByClient.remove(client);
      } else {
        lastNByClient.put(client, n);
      }
    }
  }

  /**
   * @param capacity how many events are kept in memory (at least 1)
   * @param journal where every event is appended, or {@code null} to keep nothing on disk
   */
  public RoomLog(int capacity, Journal journal) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1");
    }
    this.ring = new RoomEvent[capacity];
    this.journal = journal;
    if (journal != null) {
      Journal.Loaded loaded = journal.load(capacity);
      loaded.events().forEach(this::keep);
      head = loaded.head();
      durableHead = head;
      firstKept = loaded.events().isEmpty() ? head + 1 : loaded.events().get(0).seq();
    }
  }

  /** The number of the last event, 0 when there has been none. */
  public long head() {
    return head;
  }

  /** The number of the oldest event kept in memory; {@code head + 1} when none is kept. */
  public long oldest() {
    return Math.max(firstKept, head - ring.length + 1);
  }

  /** The event numbered {@code seq}, or {@code null} when it is not kept. */
  public RoomEvent get(long seq) {
    if (seq < 1 || seq > head) {
      return null;
    }
    RoomEvent event = ring[slot(seq)];
    return event != null && event.seq() == seq ? event : null;
  }

  /**
   * Numbers and keeps a new event: {@code create} is given its number. It is in the journal (in the
   * operating system's hands, so it survives the process being killed) when this returns.
   *
   * @throws UncheckedIOException when the journal cannot be written; nothing is kept then
   */
  public RoomEvent append(
      LongFunction<? extends RoomMessage> create,
      RoomEvent.Audience audience,
      String client,
      long n) {
    RoomEvent event = stage(create, audience, client, n);
    commit();
    return event;
  }

  /**
   * Numbers and keeps a new event, to be made durable with the others of the duty cycle by {@link
   * #commit}: until then nobody may be told of it, and what members are shown ({@link
   * #durableHead}, {@link #recallable}, {@link #backlogStart}) leaves it out.
   */
  public RoomEvent stage(
      LongFunction<? extends RoomMessage> create,
      RoomEvent.Audience audience,
      String client,
      long n) {
    RoomEvent event = new RoomEvent(head + 1, create.apply(head + 1), audience, client, n);
    if (journal != null) {
      journal.stage(event);
    }
    head = event.seq();
    keep(event);
    return event;
  }

  /**
   * Writes the staged events to the journal in one write. When that fails they are taken back, as
   * if never staged (what they pushed out of memory comes back), and the failure is thrown.
   *
   * @throws UncheckedIOException when the journal cannot be written
   */
  public void commit() {
    if (head == durableHead) {
      return;
    }
    try {
      if (journal != null) {
        journal.flush();
      }
    } catch (UncheckedIOException e) {
      rollBack();
      throw e;
    }
    durableHead = head;
    undo.clear();
  }

  /** The number of the last event made durable: what members may be told of. */
  public long durableHead() {
    return durableHead;
  }

  private void rollBack() {
    while (!undo.isEmpty()) {
      Kept kept = undo.pop();
      RoomEvent event = kept.event();
      if (event.client() != null) {
        seqByOrigin.remove(new Origin(event.client(), event.n()));
      }
      RoomEvent evicted = kept.evicted();
      if (evicted != null && evicted.client() != null) {
        seqByOrigin.put(new Origin(evicted.client(), evicted.n()), evicted.seq());
      }
      kept.restoreLastN(lastNByClient);
      ring[slot(event.seq())] = evicted;
    }
    head = durableHead;
  }

  /** The event that message {@code n} of {@code client} became, or 0 when none is known. */
  public long postedAs(String client, long n) {
    return seqByOrigin.getOrDefault(new Origin(client, n), 0L);
  }

  /** The highest message number of {@code client} among the events kept, 0 when none. */
  public long lastPosted(String client) {
    return lastNByClient.getOrDefault(client, 0L);
  }

  /** The last {@code count} events a history request may show, oldest first. */
  public List<RoomEvent> recallable(int count) {
    List<RoomEvent> found = new ArrayList<>();
    for (long seq = durableHead; seq >= oldest() && found.size() < count; seq--) {
      RoomEvent event = get(seq);
      if (event != null && event.recallable()) {
        found.add(event);
      }
    }
    Collections.reverse(found); // found newest first
    return found;
  }

  /**
   * Where a newcomer's stream starts so that it sees the last {@code messages} chat messages kept
   * (with the notices between them): the number just before the first of them.
   */
  public long backlogStart(int messages) {
    long start = durableHead;
    int found = 0;
    for (long seq = durableHead; seq >= oldest() && found < messages; seq--) {
      RoomEvent event = get(seq);
      if (event != null && event.isChat() && event.audience().everyone()) {
        found++;
        start = seq - 1;
      }
    }
    return start;
  }

  private void keep(RoomEvent event) {
    int slot = slot(event.seq());
    RoomEvent evicted = ring[slot];
    if (event.seq() > durableHead) {
      undo.push(Kept.of(event, evicted, lastNByClient));
    }
    if (evicted != null && evicted.client() != null) {
      Origin origin = new Origin(evicted.client(), evicted.n());
      seqByOrigin.remove(origin);
      lastNByClient.remove(evicted.client(), evicted.n());
    }
    ring[slot] = event;
    if (event.client() != null) {
      seqByOrigin.put(new Origin(event.client(), event.n()), event.seq());
      lastNByClient.merge(event.client(), event.n(), Math::max);
    }
  }

  private int slot(long seq) {
    return (int) (seq % ring.length);
  }
}
