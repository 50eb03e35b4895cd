package udpchat.server.room.members;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import udpchat.text.Names;

/**
 * Which member holds which name, such that no two members' names are the same ({@link Names#key})
 * or look alike ({@link Names#lookalikes}): each member is filed under what its name looks like, so
 * a name that looks like a member's is found in one lookup, whatever the room's size.
 *
 * <p>Not thread-safe: only the room's thread touches it.
 */
public final class NameRegister {

  private final Map<String, Member> byLook = new HashMap<>();

  /** The member whose name is {@code name} (compared by {@link Names#key}), or null. */
  Member holder(String name) {
    Member member = byLook.get(Names.lookalikes(name).get(0));
    return member != null && member.key().equals(Names.key(name)) ? member : null;
  }

  /**
   * A member other than {@code claimant} whose name is {@code name} or looks like it, or null when
   * {@code claimant} may take it.
   */
  Member clash(String name, Member claimant) {
    for (String look : Names.lookalikes(name)) {
      Member member = byLook.get(look);
      if (member != null && member != claimant) {
        return member;
      }
    }
    return null;
  }

  /** Files {@code member} under its name, which {@link #clash} found free. */
  void add(Member member) {
    for (String look : Names.lookalikes(member.name())) {
      byLook.put(look, member);
    }
  }

  /** Removes {@code member}, filed under its current name. */
  void remove(Member member) {
    List<String> looks = Names.lookalikes(member.name());
    for (String look : looks) {
      byLook.remove(look, member);
    }
  }
}
