package udpchat.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import udpchat.protocol.json.Mutations;

/**
 * Fuzzing the unsealer (jqwik): no bytes but a sealed datagram, unchanged, ever open, and nothing
 * but {@link SealException} ever comes out of trying. Same seed and tries as the codec's fuzzing.
 */
class SealFuzzTest {

  static final String SEED = "20261123";
  static final RoomKey KEY = RoomKey.derive("fuzzing the seal");
  static final byte[] CONTENTS =
      "{\"v\":2,\"type\":\"say\",\"session\":\"AbCdEfGhIjKlMnOpQr_-09\",\"n\":3,\"text\":\"hi\",\"action\":false}"
          .getBytes(StandardCharsets.UTF_8);

  final DatagramSeal seal = DatagramSeal.of(KEY);
  final byte[] sealed = bytes(seal.seal(Flow.TO_SERVER, CONTENTS, CONTENTS.length));

  @Property(seed = SEED)
  void randomBytesNeverOpen(@ForAll("randomBytes") byte[] datagram, @ForAll Flow flow) {
    assertThatThrownBy(() -> seal.open(flow, ByteBuffer.wrap(datagram)))
        .isInstanceOf(SealException.class);
  }

  @Property(seed = SEED)
  void anAlteredSealedDatagramNeverOpens(@ForAll("edits") List<Mutations.Mutation> edits)
      throws SealException {
    byte[] altered = Mutations.apply(sealed, edits);
    if (Arrays.equals(altered, sealed)) { // an edit can undo another
      assertThat(bytes(seal.open(Flow.TO_SERVER, ByteBuffer.wrap(altered)))).isEqualTo(CONTENTS);
      return;
    }
    assertThatThrownBy(() -> seal.open(Flow.TO_SERVER, ByteBuffer.wrap(altered)))
        .isInstanceOf(SealException.class);
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    // Random datagrams, and random ones that start with a flow byte, to get past the first check.
    Arbitrary<byte[]> any = Arbitraries.bytes().array(byte[].class).ofMaxSize(1300);
    return Arbitraries.oneOf(
        any,
        any.map(
            bytes -> {
              if (bytes.length > 0) {
                bytes[0] = (byte) (0xF5 + Math.floorMod(bytes.length, 4));
              }
              return bytes;
            }));
  }

  @Provide
  Arbitrary<List<Mutations.Mutation>> edits() {
    return Mutations.edits();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    return Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
  }
}
