package udpchat.server.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import udpchat.crypto.DatagramSeal;
import udpchat.crypto.Flow;
import udpchat.crypto.RoomKey;
import udpchat.crypto.SealException;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.RoomMessage;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.json.Codec;

/**
 * How a {@link RoomEvent} is written as a journal line, and read back.
 *
 * <p>A line is {@code AUDIENCE TAB CLIENT TAB N TAB JSON}: {@code a} (everyone) or {@code
 * p:FROM:TO} (a private message between the clients FROM and TO), the sending client's id and
 * message number ({@code -} and 0 for notices), and the event as the protocol encodes it.
 *
 * <p>In a private room the whole line is sealed at rest: {@code ~} and the base64 of that line
 * sealed with AES-256-GCM under a key derived from the room key ({@link RoomKey#subkey}), so a
 * copied data folder says nothing (texts, names, who whispered to whom) without the passphrase. Its
 * file starts with a {@linkplain #header header} that opens only under that key: a server started
 * with another key is refused before it reads or changes anything.
 */
public final class JournalLines {

  /** The longest line a journal holds: an event of the longest datagram, sealed, fits in half. */
  static final int MAX_LINE_BYTES = 4096;

  /** The first line of a sealed journal, before the sealed check. */
  static final String SEALED_HEADER = "#udpchat sealed journal v1 ";

  private static final byte SEALED_MARK = '~';
  private static final byte[] KEY_CHECK =
      "udpchat journal key check".getBytes(StandardCharsets.US_ASCII);

  private final Codec codec;
  private final DatagramSeal seal;

  /**
   * @param key the private room's key, or {@code null} for an open room's plain lines
   */
  JournalLines(Codec codec, RoomKey key) {
    this.codec = codec;
    this.seal = DatagramSeal.of(key == null ? null : key.subkey("journal at rest"));
  }

  /** Whether lines are sealed (a private room's journal). */
  boolean sealed() {
    return seal.sealed();
  }

  /** The sealed journal's first line, with its line end: it opens only under this room's key. */
  byte[] header() {
    String check = base64(seal.seal(Flow.AT_REST, KEY_CHECK, KEY_CHECK.length));
    return (SEALED_HEADER + check + '\n').getBytes(StandardCharsets.US_ASCII);
  }

  /** Whether {@code line} (without its line end) is a sealed journal's header, of any key. */
  static boolean isHeader(byte[] line) {
    byte[] start = SEALED_HEADER.getBytes(StandardCharsets.US_ASCII);
    return line.length >= start.length
        && Arrays.equals(line, 0, start.length, start, 0, start.length);
  }

  /** Whether the header {@code line} (without its line end) was written under this key. */
  boolean opensHeader(byte[] line) {
    byte[] sealedCheck = unbase64(line, SEALED_HEADER.length());
    try {
      ByteBuffer check = seal.open(Flow.AT_REST, ByteBuffer.wrap(sealedCheck));
      return Arrays.equals(Arrays.copyOf(check.array(), check.limit()), KEY_CHECK);
    } catch (SealException | IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Whether {@code bytes} could be the start of a line this journal wrote: what a crash in the
   * middle of an append leaves, as opposed to damage (a run of zeros, another file's bytes).
   */
  static boolean mayStartALine(byte[] bytes, int length) {
    if (length == 0) {
      return false;
    }
    byte first = bytes[0];
    return first == SEALED_MARK
        || (first == 'a' && (length == 1 || bytes[1] == '\t'))
        || (first == 'p' && (length == 1 || bytes[1] == ':'));
  }

  /** The line of {@code event}, with its line end. */
  ByteBuffer line(RoomEvent event) {
    RoomEvent.Audience audience = event.audience();
    byte[] prefix =
        ((audience.everyone() ? "a" : "p:" + audience.first() + ":" + audience.second())
                + '\t'
                + (event.client() == null ? "-" : event.client())
                + '\t'
                + event.n()
                + '\t')
            .getBytes(StandardCharsets.UTF_8);
    byte[] json = codec.encode(event.message()); // UTF-8 already: written as it is
    byte[] plain = new byte[prefix.length + json.length];
    System.arraycopy(prefix, 0, plain, 0, prefix.length);
    System.arraycopy(json, 0, plain, prefix.length, json.length);
    byte[] line = plain;
    if (seal.sealed()) {
      String sealedLine = (char) SEALED_MARK + base64(seal.seal(Flow.AT_REST, plain, plain.length));
      line = sealedLine.getBytes(StandardCharsets.US_ASCII);
    }
    ByteBuffer bytes = ByteBuffer.allocate(line.length + 1);
    bytes.put(line).put((byte) '\n').flip();
    return bytes;
  }

  /**
   * One line (without its line end) as an event, or null when it does not read as one: damaged, or
   * sealed under another key, or plain in a sealed journal. Bytes, not text: a damaged line that is
   * not UTF-8 is one bad line, refused by the codec, not a journal that cannot be read.
   */
  RoomEvent parse(byte[] line) {
    if (seal.sealed()) {
      if (line.length == 0 || line[0] != SEALED_MARK) {
        return null; // plain text has no place in a sealed journal
      }
      try {
        ByteBuffer opened = seal.open(Flow.AT_REST, ByteBuffer.wrap(unbase64(line, 1)));
        return parsePlain(Arrays.copyOf(opened.array(), opened.limit()));
      } catch (SealException | IllegalArgumentException e) {
        return null;
      }
    }
    return parsePlain(line);
  }

  private RoomEvent parsePlain(byte[] bytes) {
    int tabs = 0;
    int jsonStart = -1;
    for (int i = 0; i < bytes.length && tabs < 3; i++) {
      if (bytes[i] == '\t' && ++tabs == 3) {
        jsonStart = i + 1;
      }
    }
    if (jsonStart < 0) {
      return null;
    }
    String[] parts = new String(bytes, 0, jsonStart - 1, StandardCharsets.UTF_8).split("\t", 3);
    RoomEvent.Audience audience = audience(parts[0]);
    if (audience == null) {
      return null;
    }
    try {
      byte[] json = Arrays.copyOfRange(bytes, jsonStart, bytes.length);
      ServerMessage decoded = codec.decode(json, json.length, ServerMessage.class);
      // Only a numbered room event is a journal line: anything else is not one of ours.
      if (!(decoded instanceof RoomMessage message) || message.number() == null) {
        return null;
      }
      long seq = message.number();
      String client = parts[1].equals("-") ? null : parts[1];
      return new RoomEvent(seq, message, audience, client, Long.parseLong(parts[2]));
    } catch (ProtocolException | NumberFormatException e) {
      return null;
    }
  }

  private static RoomEvent.Audience audience(String field) {
    if (field.equals("a")) {
      return RoomEvent.Audience.EVERYONE;
    }
    String[] clients = field.split(":");
    if (clients.length != 3 || !clients[0].equals("p")) {
      return null;
    }
    return RoomEvent.Audience.pair(clients[1], clients[2]);
  }

  private static String base64(ByteBuffer sealed) {
    return Base64.getEncoder()
        .encodeToString(Arrays.copyOfRange(sealed.array(), sealed.position(), sealed.limit()));
  }

  private static byte[] unbase64(byte[] line, int from) {
    return Base64.getDecoder().decode(Arrays.copyOfRange(line, from, line.length));
  }
}
