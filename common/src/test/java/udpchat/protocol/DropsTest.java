package udpchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DropsTest {

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    long nowMs;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(nowMs);
    }
  }

  static final InetSocketAddress FROM = new InetSocketAddress("127.0.0.1", 5000);

  final ListAppender<ILoggingEvent> log = new ListAppender<>();
  final Logger logger = (Logger) LoggerFactory.getLogger(Drops.class);

  @BeforeEach
  void captureTheLog() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void releaseTheLog() {
    logger.detachAppender(log);
  }

  @Test
  void aFloodIsLoggedAtMostOnceASecondPerReasonWithTheCountSinceTheLastLine() {
    ManualClock clock = new ManualClock();
    Drops drops = new Drops(clock);
    for (int i = 0; i < 1000; i++) {
      drops.count("not-json", FROM, "junk");
    }
    clock.nowMs = 999;
    drops.count("not-json", FROM, "junk");
    drops.count("unknown-type", FROM, "type");
    clock.nowMs = 1000;
    drops.count("not-json", FROM, "\u001b[2Jjunk");

    assertThat(log.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly(
            "dropped 1 datagram(s) (not-json), 1 in all; latest from 127.0.0.1:5000: junk",
            "dropped 1 datagram(s) (unknown-type), 1 in all; latest from 127.0.0.1:5000: type",
            "dropped 1001 datagram(s) (not-json), 1002 in all; latest from 127.0.0.1:5000: ^[[2Jjunk");
  }

  @Test
  void countsEachReasonApart() {
    Drops drops = new Drops(new ManualClock());
    for (int i = 0; i < 1000; i++) {
      drops.count("not-json", FROM, "junk");
    }
    drops.count(Drops.FORGED_SESSION, FROM, "say");
    drops.count("oversize", null, "x");
    assertThat(drops.count("not-json")).isEqualTo(1000);
    assertThat(drops.count(Drops.FORGED_SESSION)).isEqualTo(1);
    assertThat(drops.count("never-seen")).isZero();
    assertThat(drops.snapshot()).containsOnlyKeys("not-json", "forged-session", "oversize");
  }
}
