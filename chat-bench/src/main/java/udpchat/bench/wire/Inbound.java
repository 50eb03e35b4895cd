package udpchat.bench.wire;

import java.nio.charset.StandardCharsets;
import udpchat.protocol.Batch;
import udpchat.protocol.Chat;
import udpchat.protocol.ErrorReply;
import udpchat.protocol.Lost;
import udpchat.protocol.Members;
import udpchat.protocol.Notice;
import udpchat.protocol.Pong;
import udpchat.protocol.Posted;
import udpchat.protocol.Presence;
import udpchat.protocol.Private;
import udpchat.protocol.ProtocolException;
import udpchat.protocol.Retry;
import udpchat.protocol.RoomMessage;
import udpchat.protocol.ServerMessage;
import udpchat.protocol.Welcome;
import udpchat.protocol.json.Codec;

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
public final class Inbound {

  public enum Kind {
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

  public Kind kind;
  public long seq;
  public long prev;

  /** The bench's stamp in a chat's text ({@link Stamp}), or -1 for any other event. */
  public long sentNs;

  /** The sending member's index in the stamp, or -1. */
  public int sender;

  /** The sender's message number in the stamp, or -1. */
  public long number;

  /** Decoded in full, for {@link Kind#OTHER} (null for a fast-path event). */
  public ServerMessage message;

  /** The notice, when the message decoded in full is one (null otherwise). */
  public Notice notice;

  private final Classifier classifier = new Classifier();

  public Inbound(Codec codec) {
    this.codec = codec;
  }

  /** Reads the datagram in {@code bytes[0, length)}; the result is in the fields. */
  public Inbound read(byte[] bytes, int length) {
    return read(bytes, length, false);
  }

  /**
   * Reads the datagram in {@code bytes[0, length)}, a numbered notice decoded in full (into {@link
   * #message}) when {@code decodeNotices}: for the one member that counts the expiries it sees.
   */
  public Inbound read(byte[] bytes, int length, boolean decodeNotices) {
    message = null;
    notice = null;
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
    kind = Kind.OTHER; // unless the message says it is in the member's stream
    message.dispatch(classifier);
    return this;
  }

  /** Where a message decoded in full belongs: one method per server message type. */
  private final class Classifier implements ServerMessage.Handler {

    @Override
    public void onChat(Chat chat) {
      if (inStream(chat)) {
        Stamp.read(chat.text(), Inbound.this);
      }
    }

    @Override
    public void onPrivate(Private whisper) {
      inStream(whisper);
    }

    @Override
    public void onNotice(Notice decoded) {
      notice = decoded;
      inStream(decoded);
    }

    @Override
    public void onLost(Lost lost) {
      kind = Kind.LOST;
      seq = lost.seq();
      prev = lost.prev();
    }

    // The rest are no events of the stream: OTHER, for the load to act on.

    @Override
    public void onWelcome(Welcome welcome) {}

    @Override
    public void onPong(Pong pong) {}

    @Override
    public void onMembers(Members members) {}

    @Override
    public void onErrorReply(ErrorReply error) {}

    @Override
    public void onPosted(Posted posted) {}

    @Override
    public void onPresence(Presence presence) {}

    @Override
    public void onRetry(Retry retry) {}

    @Override
    public void onBatch(Batch batch) {}

    /** An event in the member's stream (it has {@code prev}) is an EVENT; whether it is one. */
    private boolean inStream(RoomMessage event) {
      if (event.prev() == null) {
        return false;
      }
      kind = Kind.EVENT;
      seq = event.number();
      prev = event.prev();
      return true;
    }
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
