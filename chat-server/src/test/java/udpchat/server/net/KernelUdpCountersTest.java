package udpchat.server.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code RcvbufErrors} read from {@code /proc/net/snmp}'s pair of {@code Udp:} lines. */
class KernelUdpCountersTest {

  static final List<String> SNMP =
      List.of(
          "Tcp: RtoAlgorithm RtoMin",
          "Tcp: 1 200",
          "Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors",
          "Udp: 96680282 8551284 3801133 108731082 3801121 0",
          "UdpLite: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors",
          "UdpLite: 0 0 0 0 7 0");

  @Test
  void theUdpLineNotUdpLite() {
    assertThat(KernelUdpCounters.counter(SNMP, "RcvbufErrors")).isEqualTo(3801121);
    assertThat(KernelUdpCounters.counter(SNMP, "InErrors")).isEqualTo(3801133);
    assertThat(KernelUdpCounters.counter(SNMP, "Nope")).isEqualTo(-1);
    assertThat(KernelUdpCounters.counter(List.of("Udp: RcvbufErrors"), "RcvbufErrors"))
        .isEqualTo(-1);
  }

  @Test
  void noFileIsUnknown(@TempDir Path dir) throws Exception {
    assertThat(KernelUdpCounters.receiveBufferErrors(dir.resolve("none"))).isEqualTo(-1);
    Path snmp = Files.write(dir.resolve("snmp"), SNMP);
    assertThat(KernelUdpCounters.receiveBufferErrors(snmp)).isEqualTo(3801121);
  }

  @Test
  void readsThisMachinesWhereItHasTheFile() {
    if (Files.exists(KernelUdpCounters.SNMP)) {
      assertThat(KernelUdpCounters.receiveBufferErrors()).isNotNegative();
    }
  }
}
