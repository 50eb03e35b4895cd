package udpchat.client.view.screen;

import udpchat.client.view.Event;
import udpchat.client.view.format.StyledFormat;

/**
 * How much happened in a window the user is not looking at, least first, as irssi's activity
 * levels: a notice, someone's words, or words for the user (their name, a private message).
 */
enum Activity {
  NONE,
  /** Joins, leaves, errors: listed dim. */
  EVENT,
  /** Someone said something. */
  TEXT,
  /** Someone named the user, or wrote to them privately: listed highlighted. */
  MENTION;

  /** The level {@code event} gives the window it lands in; {@code me} the user's name, or null. */
  static Activity of(Event event, String me) {
    if (event.old() || event.own()) {
      return EVENT; // the backlog, or the user's own words: nothing new for them
    }
    if (StyledFormat.mentions(event, me) || (event.kind() == Event.Kind.PRIVATE && !event.own())) {
      return MENTION;
    }
    return switch (event.kind()) {
      case MESSAGE, ACTION, PRIVATE -> TEXT;
      default -> EVENT;
    };
  }

  Activity max(Activity other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
