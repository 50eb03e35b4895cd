package udpchat.client;

import java.util.Collections;
import java.util.Set;
import java.util.stream.Collectors;
import udpchat.client.settings.Settings;
import udpchat.client.view.Event;
import udpchat.client.view.View;
import udpchat.text.Names;

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
  // Made once for each settings value (immutable, so its identity says when it changed): the
  // ignored names' keys and look-alike skeletons, so an event costs its sender's alone.
  private Settings madeFrom;
  private Set<String> keys = Set.of();
  private Set<String> looks = Set.of();

  IgnoreFilter(View view, Preferences preferences) {
    this.view = view;
    this.preferences = preferences;
  }

  /**
   * Whether {@code event} is one that an ignored name said: its sender has the key or shares a
   * look-alike skeleton of one ({@link Settings#ignores}, without its work for each name).
   */
  private boolean hides(Event event) {
    boolean said =
        event.kind() == Event.Kind.MESSAGE
            || event.kind() == Event.Kind.ACTION
            || event.kind() == Event.Kind.PRIVATE;
    if (!said || event.own() || event.from() == null) {
      return false;
    }
    Settings settings = preferences.settings();
    if (settings != madeFrom) {
      madeFrom = settings;
      keys = settings.ignored().stream().map(Names::key).collect(Collectors.toSet());
      looks =
          settings.ignored().stream()
              .flatMap(name -> Names.lookalikes(name).stream())
              .collect(Collectors.toSet());
    }
    return !keys.isEmpty()
        && (keys.contains(Names.key(event.from()))
            || !Collections.disjoint(looks, Names.lookalikes(event.from())));
  }

  @Override
  public void show(Event event) {
    if (!hides(event)) {
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
