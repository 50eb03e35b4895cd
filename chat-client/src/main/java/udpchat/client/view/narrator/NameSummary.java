package udpchat.client.view.narrator;

import java.util.List;

/**
 * The members a notice is about, as one line names them: {@code alice}, {@code alice and bob},
 * {@code alice, bob and carol}, and for a burst {@code alice, bob and 23 others} (the way irssi and
 * WeeChat fold a netjoin), so a storm of joins is a line, not a screenful. The roster and {@code
 * /who} still know every name.
 */
public final class NameSummary {

  /** Up to this many are named in full; beyond, the first two and a count. */
  static final int NAMED_IN_FULL = 3;

  private NameSummary() {}

  /** The names in their order; "nobody" for none. */
  static String of(List<String> names) {
    int count = names.size();
    if (count == 0) {
      return "nobody";
    }
    if (count == 1) {
      return names.get(0);
    }
    if (count <= NAMED_IN_FULL) {
      return String.join(", ", names.subList(0, count - 1)) + " and " + names.get(count - 1);
    }
    return names.get(0) + ", " + names.get(1) + " and " + (count - 2) + " others";
  }
}
