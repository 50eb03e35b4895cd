package udpchat.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import udpchat.protocol.Limits;

/**
 * What sealing costs: prints the time to derive a key, and to seal and to open one datagram of each
 * size on one thread, after a warm-up. Nothing timed is asserted (a busy machine would fail it);
 * the figures go to docs/SECURITY.md. Run alone: {@code mvn -o -q -pl common test
 * -Dtest=SealCostTest}.
 */
class SealCostTest {

  static final int WARM_UP = 50_000;
  static final int ROUNDS = 100_000;

  @Test
  void printsWhatDerivingSealingAndOpeningCost() throws SealException {
    long startNs = System.nanoTime();
    RoomKey key = RoomKey.derive("what does a datagram cost");
    long deriveMs = (System.nanoTime() - startNs) / 1_000_000;
    System.out.printf(
        "room key derivation (PBKDF2, %d iterations): %d ms%n", RoomKey.ITERATIONS, deriveMs);

    DatagramSeal seal = DatagramSeal.of(key);
    int[] sizes = {100, 400, Limits.MAX_DATAGRAM_BYTES};
    for (int size : sizes) { // warm up every path before timing any
      time(seal, size, WARM_UP);
    }
    for (int size : sizes) {
      double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
      for (int run = 0; run < 3; run++) { // the best of three: the least disturbed by others
        double[] micros = time(seal, size, ROUNDS);
        best[0] = Math.min(best[0], micros[0]);
        best[1] = Math.min(best[1], micros[1]);
      }
      System.out.printf(
          "%5d-byte datagram: seal %.2f µs, open %.2f µs (best of 3 x %d, one thread)%n",
          size, best[0], best[1], ROUNDS);
    }
  }

  /** Microseconds per seal and per open of a datagram of {@code size}, over {@code rounds}. */
  private static double[] time(DatagramSeal seal, int size, int rounds) throws SealException {
    byte[] contents = new byte[size];
    Arrays.fill(contents, (byte) 'x');
    ByteBuffer sealed = null;
    long sealNs = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      sealed = seal.seal(Flow.TO_CLIENT, contents, size);
    }
    sealNs = System.nanoTime() - sealNs;
    ByteBuffer opened = null;
    long openNs = System.nanoTime();
    for (int i = 0; i < rounds; i++) {
      opened = seal.open(Flow.TO_CLIENT, sealed.duplicate());
    }
    openNs = System.nanoTime() - openNs;
    assertThat(opened.remaining()).isEqualTo(size);
    return new double[] {sealNs / 1000.0 / rounds, openNs / 1000.0 / rounds};
  }
}
