package udpchat.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The flood's four shapes, in turn, each within its sizes and with fresh random content. */
class GarbageShapesTest {

  final GarbageShapes shapes = new GarbageShapes(1);

  @Test
  void theFourShapesComeInTurnWithinTheirSizes() {
    Set<String> seen = new HashSet<>();
    for (long i = 0; i < 4000; i++) {
      ByteBuffer datagram = shapes.next(i);
      byte[] bytes = new byte[datagram.remaining()];
      datagram.get(bytes);
      switch ((int) (i % 4)) {
        case 0 -> assertThat(bytes.length).isBetween(1, GarbageShapes.MAX_BYTES);
        case 1 -> {
          String text = new String(bytes, StandardCharsets.ISO_8859_1);
          assertThat(text).startsWith("{\"type\":\"join\",\"name\":\"x").endsWith("\"}");
          assertThat(bytes.length).isBetween(26, 26 + 200); // 24 + 0 to 200 + 2
        }
        case 2 -> {
          assertThat(bytes).hasSize(GarbageShapes.HELLO_BYTES);
          assertThat(bytes[0]).isEqualTo(GarbageShapes.HELLO);
          assertThat(bytes[1]).isEqualTo(GarbageShapes.HELLO_VERSION);
          assertThat(seen.add(new String(bytes, 2, 16, StandardCharsets.ISO_8859_1)))
              .as("fresh content")
              .isTrue();
        }
        default -> {
          assertThat(bytes[0]).isEqualTo(GarbageShapes.SEALED);
          assertThat(bytes.length).isBetween(29, 1229);
        }
      }
    }
  }

  @Test
  void theSourcesAreLoopbackAddressesOtherThanTheServers() {
    assertThat(GarbageFlood.source(0).getHostAddress()).isEqualTo("127.0.1.2");
    assertThat(GarbageFlood.source(199).getHostAddress()).isEqualTo("127.0.1.201");
    for (int i = 0; i < GarbageFlood.SOURCES; i++) {
      assertThat(GarbageFlood.source(i).isLoopbackAddress()).isTrue();
    }
  }
}
