package udpchat.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapProbeTest {

  @Test
  void readsTheTotalOfAClassHistogram() {
    String histogram =
        """
        6203:
         num     #instances         #bytes  class name (module)
        -------------------------------------------------------
           1:         53429        3203160  [B (java.base@17.0.15)
           2:         10000         640000  udpchat.server.Member
        Total        260429       11544216
        """;
    assertThat(HeapProbe.totalKb(histogram)).isEqualTo(11544216 / 1024);
  }

  @Test
  void anAnswerWithoutATotalIsUnknown() {
    assertThat(HeapProbe.totalKb("6203:\ncom.sun.tools.attach.AttachNotSupportedException"))
        .isEqualTo(-1);
  }

  @Test
  void theLiveHeapOfThisJvmIsMeasured() {
    assertThat(HeapProbe.liveHeapKb(ProcessHandle.current().pid())).isPositive();
  }
}
