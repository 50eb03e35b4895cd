package udpchat.protocol.json;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Byte-level mutations of valid datagrams, for the fuzzing properties: flips, overwrites with bytes
 * that matter to JSON and UTF-8, deletions, duplications, insertions and truncations. Each is a
 * value jqwik can shrink, so a failure comes back as the smallest edit that shows it.
 */
public final class Mutations {

  /** Bytes that change what a JSON parser or a UTF-8 decoder sees. */
  static final byte[] INTERESTING = {
    '"',
    '{',
    '}',
    '[',
    ']',
    ',',
    ':',
    '\\',
    '-',
    '0',
    '9',
    'e',
    '.',
    ' ',
    'u',
    'n',
    't',
    0,
    (byte) 0x7F,
    (byte) 0x80,
    (byte) 0xC0,
    (byte) 0xC3,
    (byte) 0xE2,
    (byte) 0xED,
    (byte) 0xEF,
    (byte) 0xF0,
    (byte) 0xF4,
    (byte) 0xF5,
    (byte) 0xFF
  };

  /** One edit: what, where (taken modulo the length), how many bytes, and which byte. */
  public record Mutation(Kind kind, int at, int length, byte value) {}

  public enum Kind {
    FLIP_BIT,
    OVERWRITE,
    DELETE,
    DUPLICATE,
    INSERT,
    TRUNCATE
  }

  private Mutations() {}

  public static Arbitrary<List<Mutation>> edits() {
    Arbitrary<Byte> values =
        Arbitraries.oneOf(Arbitraries.of(toObjects(INTERESTING)), Arbitraries.bytes());
    return Combinators.combine(
            Arbitraries.of(Kind.class),
            Arbitraries.integers().between(0, 1500),
            Arbitraries.integers().between(1, 64),
            values)
        .as(Mutation::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(3);
  }

  /** {@code original} with the edits applied in order; the original is not changed. */
  public static byte[] apply(byte[] original, List<Mutation> edits) {
    byte[] bytes = original.clone();
    for (Mutation edit : edits) {
      bytes = apply(bytes, edit);
    }
    return bytes;
  }

  private static byte[] apply(byte[] bytes, Mutation edit) {
    int at = bytes.length == 0 ? 0 : edit.at() % bytes.length;
    int length = Math.min(edit.length(), bytes.length - at);
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + edit.length());
    switch (edit.kind()) {
      case FLIP_BIT -> {
        if (bytes.length > 0) {
          bytes[at] ^= (byte) (1 << (edit.value() & 7));
        }
        return bytes;
      }
      case OVERWRITE -> {
        if (bytes.length > 0) {
          bytes[at] = edit.value();
        }
        return bytes;
      }
      case DELETE -> {
        out.write(bytes, 0, at);
        out.write(bytes, at + length, bytes.length - at - length);
      }
      case DUPLICATE -> {
        out.write(bytes, 0, at + length);
        out.write(bytes, at, length);
        out.write(bytes, at + length, bytes.length - at - length);
      }
      case INSERT -> {
        out.write(bytes, 0, at);
        byte[] inserted = new byte[edit.length()];
        Arrays.fill(inserted, edit.value());
        out.write(inserted, 0, inserted.length);
        out.write(bytes, at, bytes.length - at);
      }
      case TRUNCATE -> out.write(bytes, 0, at);
    }
    return out.toByteArray();
  }

  private static Byte[] toObjects(byte[] bytes) {
    Byte[] objects = new Byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      objects[i] = bytes[i];
    }
    return objects;
  }
}
