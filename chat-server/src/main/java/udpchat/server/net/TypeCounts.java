package udpchat.server.net;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import udpchat.protocol.Message;
import udpchat.protocol.json.Codec;

/**
 * Datagrams and their bytes by message type, counted by one thread and read by any (the operator's
 * metrics): adders, so counting costs the counting thread a map lookup and two adds, no lock.
 */
public final class TypeCounts {

  /** One type's counts. */
  public record Count(long datagrams, long bytes) {}

  private static final class Adders {
    final LongAdder datagrams = new LongAdder();
    final LongAdder bytes = new LongAdder();
  }

  // By class, not by name: the wire name is made once per type, not once per datagram.
  private final Map<Class<? extends Message>, Adders> byType = new ConcurrentHashMap<>();

  /** {@code datagrams} of {@code type}, {@code bytes} in all. */
  public void count(Class<? extends Message> type, long datagrams, long bytes) {
    Adders adders = byType.computeIfAbsent(type, t -> new Adders());
    adders.datagrams.add(datagrams);
    adders.bytes.add(bytes);
  }

  /** The counts so far by the type's wire name ({@code say}, {@code chat}, ...), sorted. */
  public Map<String, Count> snapshot() {
    Map<String, Count> counts = new TreeMap<>();
    byType.forEach(
        (type, adders) ->
            counts.merge(
                name(type),
                new Count(adders.datagrams.sum(), adders.bytes.sum()),
                (a, b) -> new Count(a.datagrams() + b.datagrams(), a.bytes() + b.bytes())));
    return counts;
  }

  private static String name(Class<? extends Message> type) {
    String name = Codec.typeName(type);
    return name != null ? name : type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }
}
