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
 * @param members the members in {@code /who} order, at most {@link #MAX_DETAILED} of them
 * @param presence how many members are live, suspect and away
 * @param lastEventAtMs the wall time (ms since the epoch) of the room's last event in memory, or -1
 */
public record RoomSnapshot(
    List<String> names,
    long head,
    long strangerReplies,
    long strangerReplyBytes,
    List<MemberView> members,
    PresenceCounts presence,
    long lastEventAtMs) {

  /**
   * Members described one by one at most: a page shows no more, and a room of 100,000 would make
   * every snapshot (asked once a second by an open page) cost the room's thread a list as long.
   */
  public static final int MAX_DETAILED = 1000;

  public RoomSnapshot {
    names = List.copyOf(names);
    members = List.copyOf(members);
  }

  /** Names only (tests of what is made of the names). */
  public RoomSnapshot(List<String> names, long head, long strangerReplies, long strangerReply) {
    this(
        names,
        head,
        strangerReplies,
        strangerReply,
        List.of(),
        new PresenceCounts(names.size(), 0, 0),
        -1);
  }

  /** How many members are in each state. */
  public record PresenceCounts(int live, int suspect, int away) {}

  /**
   * One member as the operator sees it; never what it said.
   *
   * @param name its name (from the network: escape it where it is shown)
   * @param address its source address, as {@code host:port}
   * @param state {@code live}, {@code suspect} (silent for half the timeout) or {@code away}
   * @param lastSeenAtMs the wall time of its last datagram
   * @param roundTripMs its smoothed round trip (acks included), or -1 before one is measured
   * @param unacknowledged room events sent to it and not yet acknowledged
   * @param joinedAtMs the wall time it joined
   */
  public record MemberView(
      String name,
      String address,
      String state,
      long lastSeenAtMs,
      double roundTripMs,
      long unacknowledged,
      long joinedAtMs) {}
}
