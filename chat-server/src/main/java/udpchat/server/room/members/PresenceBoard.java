package udpchat.server.room.members;

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
 * <p>Each suspicion told costs a datagram to every member, so a sweep tells at most {@link
 * #DATAGRAMS_PER_SWEEP} datagrams' worth: all of them in a room of tens or hundreds, a few in a
 * room of thousands. The others are suspect all the same ({@code /who} reports them), only not
 * announced; and only an announced suspicion is announced over when the member is heard again. Many
 * members falling silent at once is an outage (of the network, or of the server itself), and
 * telling each of N members about each of them was N² datagrams: at 10,000 members, 46 million
 * after a pause of a few seconds, which put the outbox minutes behind, pongs with it, and expired
 * members who were still there.
 *
 * <p>Decides from a {@code nowMs} argument, like {@link Room#expire}, and sends nothing itself: it
 * returns the {@link Presence} messages for the room to send. Only the room's thread touches it.
 */
public final class PresenceBoard {

  /** What the suspicions told in one sweep may cost, in datagrams (one per member each). */
  static final int DATAGRAMS_PER_SWEEP = 20_000;

  private final long suspectAfterMs;
  private final int datagramsPerSweep;
  private final Map<Member, String> awayReasons = new HashMap<>();
  private final Set<Member> suspects = new HashSet<>();

  /** The suspects whose suspicion was told: when heard again, the room is told so. */
  private final Set<Member> announced = new HashSet<>();

  /**
   * @param suspectAfterMs silence longer than this makes a member suspect (half the timeout)
   */
  public PresenceBoard(long suspectAfterMs) {
    this(suspectAfterMs, DATAGRAMS_PER_SWEEP);
  }

  /**
   * @param datagramsPerSweep what the suspicions told in one sweep may cost: a room of {@code
   *     online} members is told of at most {@code max(1, datagramsPerSweep / online)} per sweep
   */
  public PresenceBoard(long suspectAfterMs, int datagramsPerSweep) {
    this.suspectAfterMs = suspectAfterMs;
    this.datagramsPerSweep = datagramsPerSweep;
  }

  /**
   * {@code member} went away (with {@code reason}, which may be null) or, with away false, back.
   */
  public Presence away(Member member, boolean away, String reason) {
    if (away) {
      awayReasons.put(member, reason);
    } else {
      awayReasons.remove(member);
    }
    return current(member, 0);
  }

  /**
   * {@code member} sent an authenticated datagram: if its suspicion was told, the room is told it
   * is back.
   */
  Optional<Presence> heard(Member member) {
    if (!suspects.remove(member)) {
      return Optional.empty();
    }
    return announced.remove(member) ? Optional.of(current(member, 0)) : Optional.empty();
  }

  /**
   * The members that have just become suspect at {@code nowMs} in a room of {@code online}, as
   * presences to broadcast: the longest silent first, as many as the sweep may tell. {@code
   * quietestFirst} lists the members the longest silent first ({@link SeenOrder}): the sweep stops
   * at the first one heard recently.
   */
  List<Presence> sweep(Iterable<Member> quietestFirst, int online, long nowMs) {
    int mayTell = Math.max(1, datagramsPerSweep / Math.max(1, online));
    List<Presence> changed = new ArrayList<>();
    for (Member member : quietestFirst) {
      if (!isSilent(member, nowMs)) {
        break;
      }
      if (suspects.add(member) && changed.size() < mayTell) {
        announced.add(member);
        changed.add(current(member, nowMs));
      }
    }
    return changed;
  }

  /** One presence for each member that is not simply active: what {@code /who} adds. */
  public List<Presence> report(Collection<Member> members, long nowMs) {
    List<Presence> report = new ArrayList<>();
    for (Member member : members) {
      if (suspects.contains(member) || awayReasons.containsKey(member)) {
        report.add(current(member, nowMs));
      }
    }
    return report;
  }

  /** {@code live}, {@code suspect} or {@code away}: what {@code /who} would say of it. */
  public String state(Member member) {
    if (suspects.contains(member)) {
      return "suspect";
    }
    return awayReasons.containsKey(member) ? "away" : "live";
  }

  /** How many of the room's {@code online} members are suspect, and away (not suspect). */
  public int[] counts(int online) {
    int suspect = suspects.size();
    int away = 0;
    for (Member member : awayReasons.keySet()) {
      away += suspects.contains(member) ? 0 : 1;
    }
    return new int[] {online - suspect - away, suspect, away};
  }

  /** {@code member} left or expired. */
  void forget(Member member) {
    awayReasons.remove(member);
    suspects.remove(member);
    announced.remove(member);
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
