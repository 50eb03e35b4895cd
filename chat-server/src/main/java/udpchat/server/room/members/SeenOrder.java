package udpchat.server.room.members;

import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * The members in the order they were last heard from, the longest silent first, so that a sweep
 * looks only at the silent ones and stops at the first member heard recently: at 100,000 members a
 * sweep costs what it finds, not a scan of every member.
 *
 * <p>Each authenticated datagram moves its member to the end, in O(1). The order is exact while the
 * clock goes forward; if the wall clock steps back, a member may sit behind one heard later, and is
 * then found one sweep late at worst. Only the room's thread touches it.
 */
public final class SeenOrder implements Iterable<Member> {

  private final LinkedHashSet<Member> members = new LinkedHashSet<>();

  /** {@code member} was heard from just now (or joined): it goes to the end. */
  void heard(Member member) {
    members.remove(member);
    members.add(member);
  }

  void forget(Member member) {
    members.remove(member);
  }

  /** The members, the longest silent first; {@link Iterator#remove} forgets one. */
  @Override
  public Iterator<Member> iterator() {
    return members.iterator();
  }
}
