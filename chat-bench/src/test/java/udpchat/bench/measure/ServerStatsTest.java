package udpchat.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The server's drops, from its /api/stats as docs/HTTP.md shows it. */
class ServerStatsTest {

  @Test
  void theDropsByReasonAreReadAndTheirGrowthTaken() throws Exception {
    Map<String, Long> before =
        ServerStats.dropsOf("{\"members\":5,\"drops\":{\"not-joined\":3,\"reply-limited\":2}}");
    Map<String, Long> after =
        ServerStats.dropsOf(
            "{\"members\":5,\"drops\":{\"not-joined\":3,\"reply-limited\":9,\"bad-json\":4}}");

    assertThat(before).containsExactly(Map.entry("not-joined", 3L), Map.entry("reply-limited", 2L));
    assertThat(ServerStats.since(before, after))
        .containsExactly(Map.entry("bad-json", 4L), Map.entry("reply-limited", 7L));
    assertThat(ServerStats.since(null, after)).isNull();
    assertThat(ServerStats.dropsOf("{\"members\":5}")).isNull();
  }
}
