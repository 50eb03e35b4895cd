package udpchat.client;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What {@code /stats} shows: the datagrams from the server's address that were dropped, by reason
 * (forged ones show as {@code not-sealed} or {@code bad-seal}), and the link's handshakes.
 *
 * @param drops dropped datagrams by reason
 * @param handshakes completed handshakes: the first, then one per rekey or server restart
 * @param sendFailures datagrams the kernel would not send
 * @param linesNotShown lines the terminal fell too far behind to draw
 */
record ClientStats(
    Map<String, Long> drops, long handshakes, long sendFailures, long linesNotShown) {

  List<String> lines() {
    long dropped = drops.values().stream().mapToLong(Long::longValue).sum();
    String byReason =
        drops.entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", "));
    return List.of(
        "dropped from the server's address: "
            + dropped
            + (dropped == 0 ? "" : " (" + byReason + ")"),
        "handshakes: "
            + handshakes
            + "; send failures: "
            + sendFailures
            + "; lines not shown: "
            + linesNotShown);
  }
}
