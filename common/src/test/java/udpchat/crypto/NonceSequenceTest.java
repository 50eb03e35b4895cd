package udpchat.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NonceSequenceTest {

  @Test
  void neverRepeatsANonceAcrossThreads() throws Exception {
    NonceSequence nonces = new NonceSequence();
    Set<String> seen = ConcurrentHashMap.newKeySet();
    int threads = 4;
    int each = 50_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done =
          IntStream.range(0, threads)
              .mapToObj(
                  t ->
                      pool.submit(
                          () -> {
                            for (int i = 0; i < each; i++) {
                              seen.add(next(nonces));
                            }
                          }))
              .<Future<?>>map(f -> f)
              .toList();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(seen).hasSize(threads * each);
  }

  @Test
  void keepsItsPrefixAndCountsOnInTheLow64BitsThroughTheWrapAround() {
    NonceSequence nonces = new NonceSequence(0x01020304, -2L);
    assertThat(next(nonces)).isEqualTo("01020304" + "fffffffffffffffe");
    assertThat(next(nonces)).isEqualTo("01020304" + "ffffffffffffffff");
    assertThat(next(nonces)).isEqualTo("01020304" + "0000000000000000");
    assertThat(next(nonces)).isEqualTo("01020304" + "0000000000000001");
  }

  @Test
  void twoProcessesStartAtDifferentRandomPoints() {
    assertThat(next(new NonceSequence())).isNotEqualTo(next(new NonceSequence()));
  }

  private static String next(NonceSequence nonces) {
    ByteBuffer nonce = ByteBuffer.allocate(NonceSequence.NONCE_BYTES);
    nonces.next(nonce);
    assertThat(nonce.position()).isEqualTo(NonceSequence.NONCE_BYTES);
    return HexFormat.of().formatHex(nonce.array());
  }
}
