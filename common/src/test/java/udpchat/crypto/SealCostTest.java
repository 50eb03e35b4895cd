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

  static final int WARM_UP = 20_000;
  static final int ROUNDS = 100_000;

  @Test
  void printsWhatDerivingSealingAndOpeningCost() throws SealException {
    long startNs = System.nanoTime();
    RoomKey key = RoomKey.derive("what does a datagram cost");
    long deriveMs = (System.nanoTime() - startNs) / 1_000_000;
    System.out.printf(
        "room key derivation (PBKDF2, %d iterations): %d ms%n", RoomKey.ITERATIONS, deriveMs);

    DatagramSeal seal = DatagramSeal.of(key);
    for (int size : new int[] {100, 400, Limits.MAX_DATAGRAM_BYTES}) {
      byte[] contents = new byte[size];
      Arrays.fill(contents, (byte) 'x');
      ByteBuffer sealed = null;
      for (int i = 0; i < WARM_UP; i++) {
        sealed = seal.seal(Flow.TO_CLIENT, contents, size);
        seal.open(Flow.TO_CLIENT, sealed);
      }
      long sealNs = System.nanoTime();
      for (int i = 0; i < ROUNDS; i++) {
        sealed = seal.seal(Flow.TO_CLIENT, contents, size);
      }
      sealNs = System.nanoTime() - sealNs;
      long openNs = System.nanoTime();
      ByteBuffer opened = null;
      for (int i = 0; i < ROUNDS; i++) {
        opened = seal.open(Flow.TO_CLIENT, sealed.duplicate());
      }
      openNs = System.nanoTime() - openNs;
      System.out.printf(
          "%5d-byte datagram: seal %.2f µs, open %.2f µs (%d rounds, one thread)%n",
          size, sealNs / 1000.0 / ROUNDS, openNs / 1000.0 / ROUNDS, ROUNDS);
      assertThat(opened.remaining()).isEqualTo(size);
    }
  }
}
