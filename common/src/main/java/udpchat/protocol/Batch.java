package udpchat.protocol;

import java.util.List;

/**
 * Several room events of one member's stream in one datagram, in the stream's order: what the
 * server sends when it has fallen behind, since the kernel's cost is per datagram, not per byte.
 * Each item is the complete object the event would have been alone ({@code v}, {@code type}, {@code
 * prev} and all), and the receiver handles each exactly as if it had come alone.
 *
 * <pre>
 * {"v":2,"type":"batch","items":[{"v":2,"type":"chat","seq":58,"prev":57,...},{...}]}
 * |-------------- PREFIX (31 bytes) -------------||item 1| , |item 2| ... ]}
 * </pre>
 *
 * A batch is at most {@link Limits#MAX_DATAGRAM_BYTES} like any datagram, so it holds items of
 * together {@code 1200 - OVERHEAD_BYTES - (count - 1)} bytes at most (the commas). It nests three
 * deep (batch, items, item), inside {@link Limits#MAX_NESTING_DEPTH}; a batch never holds a batch.
 */
public record Batch(List<ServerMessage> items) implements ServerMessage {

  /** The bytes before the first item. */
  public static final String PREFIX =
      "{\"v\":" + Message.VERSION + ",\"type\":\"batch\",\"items\":[";

  /** The bytes of a batch besides its items and the commas between them: the prefix and "]}". */
  public static final int OVERHEAD_BYTES = PREFIX.length() + 2;

  public Batch {
    if (items == null || items.isEmpty()) {
      throw new IllegalArgumentException("items must hold at least one room event");
    }
    items = List.copyOf(items);
    for (ServerMessage item : items) {
      if (!mayHold(item)) {
        throw new IllegalArgumentException(
            "items must be room events in a stream (chat, private, notice with prev, lost)");
      }
    }
  }

  /** Whether {@code message} may travel in a batch: a room event in a member's stream. */
  public static boolean mayHold(ServerMessage message) {
    // Two kinds asked about, not a dispatch: a room event with prev, or a lost in its place.
    if (message instanceof RoomMessage event) {
      return event.prev() != null;
    }
    return message instanceof Lost;
  }

  /** The size of a batch of {@code count} items of {@code itemBytes} bytes in all. */
  public static int size(int count, int itemBytes) {
    return OVERHEAD_BYTES + itemBytes + Math.max(0, count - 1);
  }

  @Override
  public void dispatch(ServerMessage.Handler handler) {
    handler.onBatch(this);
  }
}
