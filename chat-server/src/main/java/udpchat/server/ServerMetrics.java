package udpchat.server;

import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import udpchat.protocol.Drops;
import udpchat.server.delivery.DeliveryCounts;
import udpchat.server.net.KernelUdpCounters;
import udpchat.server.net.TypeCounts;
import udpchat.server.room.RoomSnapshot;
import udpchat.server.web.Response;

/**
 * {@code /metrics}: the server's counters in the Prometheus text format, from the official client.
 * Every metric reads, at scrape time, a counter the server keeps anyway (adders, the drop counts,
 * the journal's): a scrape adds no work to the receive loop, the room or the sender. Only the
 * members by state ask the room's thread, for one {@link RoomSnapshot} per scrape.
 */
final class ServerMetrics {

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  ServerMetrics(ServerReadings server, Supplier<RoomSnapshot> room) {
    GaugeWithCallback.builder()
        .name("udpchat_members")
        .help("Members in the room, by state (live, suspect: silent half the timeout, away)")
        .labelNames("state")
        .callback(
            callback -> {
              RoomSnapshot.PresenceCounts presence = room.get().presence();
              callback.call(presence.live(), "live");
              callback.call(presence.suspect(), "suspect");
              callback.call(presence.away(), "away");
            })
        .register(registry);
    counter("udpchat_joins_total", "Joins told to the room", () -> server.room().joins());
    counter("udpchat_leaves_total", "Members that left", () -> server.room().leaves());
    counter("udpchat_expiries_total", "Members expired", () -> server.room().expiries());
    counter(
        "udpchat_messages_accepted_total",
        "Messages and private messages posted",
        () -> server.room().messagesAccepted());
    byType(
        "udpchat_datagrams_received_total",
        "Decoded requests handed to the room, by message type",
        server.received(),
        TypeCounts.Count::datagrams);
    byType(
        "udpchat_received_bytes_total",
        "Bytes of those requests' datagrams, by message type",
        server.received(),
        TypeCounts.Count::bytes);
    byType(
        "udpchat_datagrams_sent_total",
        "Messages the room sent, once per address, by message type (before batching)",
        server.sent(),
        TypeCounts.Count::datagrams);
    byType(
        "udpchat_sent_bytes_total",
        "Encoded bytes of those messages, once per address, by message type",
        server.sent(),
        TypeCounts.Count::bytes);
    counter(
        "udpchat_socket_datagrams_sent_total",
        "Datagrams sent on the socket, a batch counting once per address",
        () -> server.datagramsSent().getAsLong());
    labelled(
        "udpchat_drops_total",
        "Datagrams dropped, by reason",
        "reason",
        () -> withEveryReason(server.drops().snapshot()));
    counter(
        "udpchat_retransmits_total",
        "Room events sent again (timeouts and gaps)",
        () -> server.room().delivery().resent());
    registry.register(() -> roundTrips(server.room().delivery()));
    counter(
        "udpchat_journal_appends_total", "Events appended", () -> server.journal().get().events());
    counter(
        "udpchat_journal_writes_total",
        "Writes that carried them (group commit)",
        () -> server.journal().get().writes());
    counter(
        "udpchat_journal_flushes_total",
        "Forces of the journal to the disk",
        () -> server.journal().get().forces());
    counter(
        "udpchat_journal_written_bytes_total",
        "Bytes appended to the journal",
        () -> server.journalState() == null ? 0 : server.journalState().bytesWritten());
    counter(
        "udpchat_journal_compactions_total",
        "Compactions of the journal",
        () -> server.journalState() == null ? 0 : server.journalState().compactions());
    gauge(
        "udpchat_journal_size_bytes",
        "The journal file's size",
        () -> server.journalState() == null ? 0 : server.journalState().sizeBytes());
    gauge(
        "udpchat_receive_buffer_bytes",
        "The socket's receive buffer as granted (SO_RCVBUF)",
        server::receiveBufferBytes);
    counter(
        "udpchat_kernel_udp_rcvbuf_errors_total",
        "UDP datagrams the kernel dropped on full receive buffers (RcvbufErrors, every socket)",
        () -> Math.max(0, KernelUdpCounters.receiveBufferErrors()));
    gauge("udpchat_uptime_seconds", "Seconds since the server started", server::uptimeSeconds);
    JvmMetrics.builder().register(registry);
  }

  /** The exposition of every metric now. */
  Response scrape() {
    ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
    try {
      writer.write(body, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return new Response(200, writer.getContentType(), body.toByteArray());
  }

  private void counter(String name, String help, Supplier<Number> value) {
    CounterWithCallback.builder()
        .name(name)
        .help(help)
        .callback(callback -> callback.call(value.get().doubleValue()))
        .register(registry);
  }

  private void gauge(String name, String help, Supplier<Number> value) {
    GaugeWithCallback.builder()
        .name(name)
        .help(help)
        .callback(callback -> callback.call(value.get().doubleValue()))
        .register(registry);
  }

  private void byType(
      String name, String help, TypeCounts counts, ToLongFunction<TypeCounts.Count> value) {
    labelled(
        name,
        help,
        "type",
        () -> {
          Map<String, Long> byType = new TreeMap<>();
          counts.snapshot().forEach((type, count) -> byType.put(type, value.applyAsLong(count)));
          return byType;
        });
  }

  private void labelled(
      String name, String help, String label, Supplier<Map<String, Long>> values) {
    CounterWithCallback.builder()
        .name(name)
        .help(help)
        .labelNames(label)
        .callback(callback -> values.get().forEach((key, count) -> callback.call(count, key)))
        .register(registry);
  }

  /** Every reason {@link Drops} names, at 0 until seen, so a rate of each exists from the start. */
  static Map<String, Long> withEveryReason(Map<String, Long> seen) {
    Map<String, Long> all = new TreeMap<>();
    for (Field field : Drops.class.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          all.put((String) field.get(null), 0L);
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e); // public fields
        }
      }
    }
    all.putAll(seen);
    return all;
  }

  /** The ack round trips as a classic histogram in seconds, from delivery's buckets. */
  private static HistogramSnapshot roundTrips(DeliveryCounts delivery) {
    long[] bucketsMs = DeliveryCounts.ROUND_TRIP_BOUNDS_MS;
    double[] bounds = new double[bucketsMs.length + 1];
    for (int i = 0; i < bucketsMs.length; i++) {
      bounds[i] = bucketsMs[i] / 1000.0;
    }
    bounds[bucketsMs.length] = Double.POSITIVE_INFINITY;
    return HistogramSnapshot.builder()
        .name("udpchat_ack_round_trip_seconds")
        .help("Round trips from an event's first send to the ack that covers it (ack delay in)")
        .unit(Unit.SECONDS)
        .dataPoint(
            HistogramSnapshot.HistogramDataPointSnapshot.builder()
                .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, delivery.roundTrips()))
                .sum(delivery.roundTripSumMs() / 1000.0)
                .build())
        .build();
  }
}
