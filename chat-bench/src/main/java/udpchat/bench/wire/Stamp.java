package udpchat.bench.wire;

/**
 * The bench's mark in a message's text: {@code b<sendNs>:<sender>:<number> xxxx...}, where {@code
 * sendNs} is the sender's {@link System#nanoTime()} at the first send (one clock, since every
 * member lives in the bench's process), {@code sender} the sending member's index and {@code
 * number} its message number; the rest pads the text to the size asked.
 */
public final class Stamp {

  static final char MARK = 'b';
  static final char SEPARATOR = ':';

  private Stamp() {}

  /** The text of message {@code number} sent at {@code sentNs}, padded to {@code size} bytes. */
  public static String text(long sentNs, int sender, long number, int size) {
    StringBuilder text = new StringBuilder(Math.max(size, 48));
    text.append(MARK).append(sentNs).append(SEPARATOR).append(sender).append(SEPARATOR);
    text.append(number).append(' ');
    while (text.length() < size) {
      text.append('x');
    }
    return text.toString();
  }

  /** Reads the stamp of a decoded text into {@code into}, leaving -1 when it has none. */
  static void read(String text, Inbound into) {
    int first = text.indexOf(SEPARATOR);
    int second = first < 0 ? -1 : text.indexOf(SEPARATOR, first + 1);
    int end = text.indexOf(' ');
    if (!text.isEmpty()
        && text.charAt(0) == MARK
        && first > 1
        && second > first + 1
        && end > second + 1) {
      try {
        into.sentNs = Long.parseLong(text, 1, first, 10);
        into.sender = Integer.parseInt(text, first + 1, second, 10);
        into.number = Long.parseLong(text, second + 1, end, 10);
      } catch (NumberFormatException e) {
        into.sentNs = -1;
        into.sender = -1;
        into.number = -1;
      }
    }
  }
}
