package udpchat.client;

import udpchat.client.settings.Settings;
import udpchat.client.view.Event;
import udpchat.client.view.View;

/**
 * The one place where what {@code /ignore} hides is taken out: in front of the session's view, so
 * the full screen, the line view and plain lines all show the same. It drops the messages, actions
 * and private messages of an ignored name, live or history; the session has already counted and
 * acknowledged them, so nothing the server sees changes. Presence lines (joined, left) still pass,
 * as in irssi by default. The user's own lines are never hidden.
 *
 * <p>Called on the session's thread only, which owns the {@link Preferences} it reads.
 */
final class IgnoreFilter implements View {

  private final View view;
  private final Preferences preferences;

  IgnoreFilter(View view, Preferences preferences) {
    this.view = view;
    this.preferences = preferences;
  }

  /** Whether {@code event} is one that an ignored name said. */
  static boolean hides(Event event, Settings settings) {
    boolean said =
        event.kind() == Event.Kind.MESSAGE
            || event.kind() == Event.Kind.ACTION
            || event.kind() == Event.Kind.PRIVATE;
    return said && !event.own() && settings.ignores(event.from());
  }

  @Override
  public void show(Event event) {
    if (!hides(event, preferences.settings())) {
      view.show(event);
    }
  }

  @Override
  public String readLine(String prompt) {
    return view.readLine(prompt);
  }

  @Override
  public void prompt(String prompt) {
    view.prompt(prompt);
  }

  @Override
  public void timeFormat(String pattern) {
    view.timeFormat(pattern);
  }

  @Override
  public void close() {
    // the view is its creator's to close
  }
}
