package udpchat.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** An answer made once per period at most, on a clock the test sets. */
class CachedTest {

  final AtomicLong nowNs = new AtomicLong(1_000);
  final AtomicInteger made = new AtomicInteger();

  @Test
  void madeAgainOnlyOnceItIsAsOldAsAllowed() {
    Cached cached = new Cached(() -> Response.json("" + made.incrementAndGet()), 100, nowNs::get);
    assertThat(body(cached)).isEqualTo("1");
    nowNs.addAndGet(99);
    assertThat(body(cached)).isEqualTo("1");
    nowNs.addAndGet(1);
    assertThat(body(cached)).isEqualTo("2");
    assertThat(made.get()).isEqualTo(2);
  }

  @Test
  void aFailureIsNotKept() {
    Cached cached =
        new Cached(
            () -> {
              if (made.incrementAndGet() == 1) {
                throw new IllegalStateException("the room did not answer");
              }
              return Response.json("ok");
            },
            100,
            nowNs::get);
    assertThatThrownBy(cached::get).isInstanceOf(IllegalStateException.class);
    assertThat(body(cached)).isEqualTo("ok");
  }

  static String body(Cached cached) {
    return new String(cached.get().body(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
