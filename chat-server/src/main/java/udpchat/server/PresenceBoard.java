package udpchat.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import udpchat.protocol.Presence;

/**
 * Presence in two stages the room can see before a member expires: away (the member said so, with a
 * reason) and suspect (not heard from for more than half the timeout, so two heartbeats in a row
 * are missing). A suspect member that is heard again is announced as active (or away) again.
 *
 * <p>Decides from a {@code nowMs} argument, like {@link Room#expire}, and sends nothing itself: it
 * returns the {@link Presence} messages for the {@link Room} to send. Guarded by the room's lock.
 */
final class PresenceBoard {

  private final long suspectAfterMs;
  private final Map<Member, String> awayReasons = new HashMap<>();
  private final Set<Member> suspects = new HashSet<>();

  /**
   * @param suspectAfterMs silence longer than this makes a member suspect (half the timeout)
   */
  PresenceBoard(long suspectAfterMs) {
    this.suspectAfterMs = suspectAfterMs;
  }

  /**
   * {@code member} went away (with {@code reason}, which may be null) or, with away false, back.
   */
  Presence away(Member member, boolean away, String reason) {
    if (away) {
      awayReasons.put(member, reason);
    } else {
      awayReasons.remove(member);
    }
    return current(member, 0);
  }

  /** {@code member} sent an authenticated datagram: if it was suspect, the room is told. */
  Optional<Presence> heard(Member member) {
    return suspects.remove(member) ? Optional.of(current(member, 0)) : Optional.empty();
  }

  /**
   * The members that have just become suspect at {@code nowMs}, as presences to broadcast. {@code
   * quietestFirst} lists the members the longest silent first ({@link SeenOrder}): the sweep stops
   * at the first one heard recently.
   */
  List<Presence> sweep(Iterable<Member> quietestFirst, long nowMs) {
    List<Presence> changed = new ArrayList<>();
    for (Member member : quietestFirst) {
      if (!isSilent(member, nowMs)) {
        break;
      }
      if (suspects.add(member)) {
        changed.add(current(member, nowMs));
      }
    }
    return changed;
  }

  /** One presence for each member that is not simply active: what {@code /who} adds. */
  List<Presence> report(Collection<Member> members, long nowMs) {
    List<Presence> report = new ArrayList<>();
    for (Member member : members) {
      if (suspects.contains(member) || awayReasons.containsKey(member)) {
        report.add(current(member, nowMs));
      }
    }
    return report;
  }

  /** {@code member} left or expired. */
  void forget(Member member) {
    awayReasons.remove(member);
    suspects.remove(member);
  }

  private boolean isSilent(Member member, long nowMs) {
    return nowMs - member.lastSeenMs() > suspectAfterMs;
  }

  private Presence current(Member member, long nowMs) {
    if (suspects.contains(member)) {
      return new Presence(
          member.name(), Presence.SUSPECT, null, Math.max(0, nowMs - member.lastSeenMs()));
    }
    if (awayReasons.containsKey(member)) {
      return new Presence(member.name(), Presence.AWAY, awayReasons.get(member), null);
    }
    return new Presence(member.name(), Presence.ACTIVE, null, null);
  }
}
