package udpchat.server.room;

import java.util.List;

/**
 * What the room looked like at one moment of its thread, for anyone else to read: immutable, so it
 * can cross threads.
 *
 * @param names the members' names, in the order {@code /who} lists them
 * @param head the number of the room's last event
 * @param strangerReplies the datagrams the door sent to addresses that were not members
 * @param strangerReplyBytes the bytes of those datagrams
 */
public record RoomSnapshot(
    List<String> names, long head, long strangerReplies, long strangerReplyBytes) {

  public RoomSnapshot {
    names = List.copyOf(names);
  }
}
