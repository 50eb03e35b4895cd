package udpchat.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import udpchat.client.settings.Settings;
import udpchat.client.view.Event;
import udpchat.time.WallStamps;

/** What /ignore hides: the ignored name's words, in any case, width or look-alike spelling. */
class IgnoreFilterTest {

  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  private final ScriptedView shown = new ScriptedView();

  private IgnoreFilter ignoring(String... names) {
    Settings settings = Settings.DEFAULTS;
    for (String name : names) {
      settings = settings.ignoring(name);
    }
    return new IgnoreFilter(shown, new Preferences(null, settings, shown, WallStamps.UNCONVERTED));
  }

  @Test
  void namesAreComparedAsTheServerComparesThem() {
    Settings bob = Settings.DEFAULTS.ignoring("BOB");

    assertThat(bob.ignores("bob")).isTrue();
    assertThat(bob.ignores("Bob")).isTrue();
    assertThat(bob.ignores("ｂｏｂ")).isTrue(); // full width
    assertThat(bob.ignores("bobby")).isFalse();
    assertThat(bob.ignores("bo")).isFalse();
    assertThat(Settings.DEFAULTS.ignoring("strasse").ignores("STRAßE")).isTrue(); // full folding
    assertThat(Settings.DEFAULTS.ignoring("bill").ignores("biII")).isTrue(); // looks alike
    assertThat(Settings.DEFAULTS.ignores("bob")).isFalse();
  }

  @Test
  void ignoringTwiceKeepsOneAndUnignoringAnySpellingRemovesIt() {
    Settings settings = Settings.DEFAULTS.ignoring("bob").ignoring("BOB").ignoring("carol");

    assertThat(settings.ignored()).containsExactly("bob", "carol");
    assertThat(settings.unignoring("ＢＯＢ").ignored()).containsExactly("carol");
  }

  @Test
  void theIgnoredNamesWordsAreHiddenAndEverythingElseShown() {
    IgnoreFilter filter = ignoring("Bob");
    List<Event> hidden =
        List.of(
            Event.message(NOW, "bob", "hi", false),
            Event.message(NOW, "BOB", "hi again", false).asOld(),
            Event.action(NOW, "ｂｏｂ", "waves", false),
            Event.privately(NOW, "bob", "alice", "psst", false));
    List<Event> kept =
        List.of(
            Event.message(NOW, "carol", "hi", false),
            Event.privately(NOW, "carol", "alice", "psst", false),
            Event.notice(NOW, "bob joined (3 online)"),
            Event.error(NOW, "no member called bob"),
            Event.privately(NOW, "alice", "bob", "sorry", true));

    hidden.forEach(filter::show);
    kept.forEach(filter::show);

    assertThat(shown.events).containsExactlyElementsOf(kept);
  }

  @Test
  void ownLinesAreNeverHiddenEvenUnderAnIgnoredName() {
    IgnoreFilter filter = ignoring("alice");
    Event own = Event.message(NOW, "alice", "talking to myself", true);

    filter.show(own);

    assertThat(shown.events).containsExactly(own);
  }
}
