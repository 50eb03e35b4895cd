package udpchat.client.view.format;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import udpchat.text.Names;

/**
 * Which colour each name is drawn in: a name keeps the colour it was first given for the whole
 * session, and a name seen for the first time gets a colour no member present has, while the
 * palette has one free (then its own hash's, shared). Names are compared as the room compares them
 * (ignoring case and width); the hash, fixed by the Java specification, is where the search starts,
 * so the same room tends to look the same in every client.
 *
 * <p>Not thread-safe: the terminal view calls it under its print lock.
 */
public final class NameColours {

  private final int count;
  private final Map<String, Integer> given = new HashMap<>();

  /** Over {@code count} colours (a {@link Palette}'s {@link Palette#nameColours()}). */
  public NameColours(int count) {
    this.count = count;
  }

  /** The colour index of {@code name}, given {@code present}, the members in the room now. */
  public int of(String name, Collection<String> present) {
    String key = key(name);
    Integer kept = given.get(key);
    if (kept != null) {
      return kept;
    }
    Set<Integer> taken = new HashSet<>();
    for (String member : present) {
      Integer colour = given.get(key(member));
      if (colour != null) {
        taken.add(colour);
      }
    }
    int first = Math.floorMod(key.hashCode(), count);
    int chosen = first;
    for (int i = 0; i < count; i++) {
      int candidate = (first + i) % count;
      if (!taken.contains(candidate)) {
        chosen = candidate;
        break;
      }
    }
    given.put(key, chosen);
    return chosen;
  }

  private static String key(String name) {
    return Names.isWellFormed(name) ? Names.key(name) : String.valueOf(name);
  }
}
