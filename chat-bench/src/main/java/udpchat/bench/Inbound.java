package udpchat.bench;

import java.nio.charset.StandardCharsets;
import udpchat.protocol.Chat;
import udpchat.protocol.Codec;
import udpchat.protocol.Lost;
import udpchat.protocol.Notice;
import udpchat.protocol.Private;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.ServerMessage;

/**
 * One server message as the bench needs it, read from a datagram with as little work as possible.
 *
 * <p>The bench shares two cores with the server, so the datagrams that come by the hundred thousand
 * (room events: {@code chat} and numbered {@code notice}) are read by scanning the bytes for {@code
 * "seq":}, {@code "prev":} and the bench's stamp in the text, with no Jackson tree. This relies on
 * the Java encoder's field order ({@code v}, then {@code type}, §1 of PROTOCOL.md); a datagram that
 * does not start that way, and every rarer message (welcome, posted, pong, error, an unnumbered
 * notice), is decoded in full by the {@link Codec}. One instance is reused by the loop's thread.
 */
final class Inbound {

  enum Kind {
    /** A chat, numbered notice or private message in the member's stream. */
    EVENT,
    /** Events the server no longer keeps, in place of those after prev up to seq. */
    LOST,
    /** Anything else: {@link #message} holds it decoded. */
    OTHER,
    /** Not a valid server message. */
    INVALID
  }

  private static final byte[] PREFIX = ascii("{\"v\":2,\"type\":\"");
  private static final byte[] CHAT = ascii("chat\"");
  private static final byte[] NOTICE = ascii("notice\"");
  private static final byte[] SEQ = ascii("\"seq\":");
  private static final byte[] PREV = ascii("\"prev\":");
  private static final byte[] STAMP = ascii("\"text\":\"" + Stamp.MARK);

  private final Codec codec;

  Kind kind;
  long seq;
  long prev;

  /** The bench's stamp in a chat's text ({@link Stamp}), or -1 for any other event. */
  long sentNs;

  /** The sending member's index in the stamp, or -1. */
  int sender;

  /** The sender's message number in the stamp, or -1. */
  long number;

  /** Decoded in full, for {@link Kind#OTHER} (null for a fast-path event). */
  ServerMessage message;

  Inbound(Codec codec) {
    this.codec = codec;
  }

  /** Reads the datagram in {@code bytes[0, length)}; the result is in the fields. */
  Inbound read(byte[] bytes, int length) {
    return read(bytes, length, false);
  }

  /**
   * Reads the datagram in {@code bytes[0, length)}, a numbered notice decoded in full (into {@link
   * #message}) when {@code decodeNotices}: for the one member that counts the expiries it sees.
   */
  Inbound read(byte[] bytes, int length, boolean decodeNotices) {
    message = null;
    sentNs = -1;
    sender = -1;
    number = -1;
    if (startsWith(bytes, length, PREFIX, 0)) {
      int at = PREFIX.length;
      boolean chat = startsWith(bytes, length, CHAT, at);
      if (chat || (!decodeNotices && startsWith(bytes, length, NOTICE, at))) {
        int seqAt = indexOf(bytes, length, SEQ, at);
        int prevAt = seqAt < 0 ? -1 : indexOf(bytes, length, PREV, seqAt);
        if (seqAt >= 0 && prevAt >= 0) {
          kind = Kind.EVENT;
          seq = number(bytes, length, seqAt + SEQ.length);
          prev = number(bytes, length, prevAt + PREV.length);
          if (chat) {
            readStamp(bytes, length, prevAt);
          }
          if (seq > 0 && prev >= 0) {
            return this;
          }
        }
      }
    }
    return decode(bytes, length);
  }

  private void readStamp(byte[] bytes, int length, int from) {
    int at = indexOf(bytes, length, STAMP, from);
    if (at < 0) {
      return;
    }
    at += STAMP.length;
    long ns = 0;
    for (; at < length && bytes[at] >= '0' && bytes[at] <= '9'; at++) {
      ns = ns * 10 + (bytes[at] - '0');
    }
    if (at >= length || bytes[at] != Stamp.SEPARATOR) {
      return;
    }
    int who = 0;
    for (at++; at < length && bytes[at] >= '0' && bytes[at] <= '9'; at++) {
      who = who * 10 + (bytes[at] - '0');
    }
    if (at >= length || bytes[at] != Stamp.SEPARATOR) {
      return;
    }
    sentNs = ns;
    sender = who;
    number = number(bytes, length, at + 1);
  }

  private Inbound decode(byte[] bytes, int length) {
    try {
      message = codec.decode(bytes, length, ServerMessage.class);
    } catch (ProtocolException e) {
      kind = Kind.INVALID;
      return this;
    }
    kind = Kind.EVENT;
    if (message instanceof Chat chat && chat.prev() != null) {
      seq = chat.seq();
      prev = chat.prev();
      Stamp.read(chat.text(), this);
    } else if (message instanceof Notice notice && notice.prev() != null) {
      seq = notice.seq();
      prev = notice.prev();
    } else if (message instanceof Private event && event.prev() != null) {
      seq = event.seq();
      prev = event.prev();
    } else if (message instanceof Lost lost) {
      kind = Kind.LOST;
      seq = lost.seq();
      prev = lost.prev();
    } else {
      kind = Kind.OTHER;
    }
    return this;
  }

  /** A non-negative decimal at {@code at}, or -1 when there is none. */
  private static long number(byte[] bytes, int length, int at) {
    long value = 0;
    int start = at;
    for (; at < length && bytes[at] >= '0' && bytes[at] <= '9'; at++) {
      value = value * 10 + (bytes[at] - '0');
    }
    return at == start ? -1 : value;
  }

  private static boolean startsWith(byte[] bytes, int length, byte[] prefix, int at) {
    if (at + prefix.length > length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] bytes, int length, byte[] needle, int from) {
    for (int at = from; at + needle.length <= length; at++) {
      if (bytes[at] == needle[0] && startsWith(bytes, length, needle, at)) {
        return at;
      }
    }
    return -1;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
