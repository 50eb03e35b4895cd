package udpchat.server.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** The discovery reply limits, at exact instants. */
public class ReplyLimiterTest {

  final ReplyLimiter limiter = new ReplyLimiter();

  static InetAddress host(int last) throws Exception {
    return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
  }

  @Test
  void oneReplyASecondToEachSource() throws Exception {
    assertThat(limiter.allow(host(1), 0)).isTrue();
    assertThat(limiter.allow(host(1), 999)).isFalse();
    assertThat(limiter.allow(host(2), 999)).as("another source").isTrue();
    assertThat(limiter.allow(host(1), 1000)).isTrue();
  }

  @Test
  void atMostTwentyASecondInAll() throws Exception {
    for (int i = 1; i <= ReplyLimiter.MAX_PER_SECOND; i++) {
      assertThat(limiter.allow(host(i), 5)).isTrue();
    }
    assertThat(limiter.allow(host(100), 999)).isFalse();
    assertThat(limiter.allow(host(100), 1005)).isTrue();
  }
}
