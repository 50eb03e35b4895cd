package udpchat.client.view.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import udpchat.client.command.Commands;
import udpchat.client.view.Event;
import udpchat.client.view.RosterView;
import udpchat.client.view.StatusSink.Report;
import udpchat.client.view.format.Palette;
import udpchat.client.view.terminal.ChatCompleter;

/**
 * The full-screen view's state driven as its thread drives it (events, keys, typed lines) and read
 * as the frames it draws, at any size: no terminal, a fixed clock, no waiting.
 */
class ScreenTest {

  private static final Instant NOW = Instant.parse("2026-12-04T17:05:30Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private final RosterView roster =
      new RosterView() {
        @Override
        public String me() {
          return "alice";
        }

        @Override
        public List<Entry> members() {
          return List.of(new Entry("alice", null), new Entry("bob", null));
        }
      };
  private final List<String> sent = new ArrayList<>();
  private final Screen screen =
      new Screen(
          CLOCK,
          Palette.monochrome(),
          roster,
          new ChatCompleter(Commands.COMPLETIONS, roster),
          new InputLine(List.of()),
          "lobby",
          Window.SCROLLBACK_LINES);
  private final ScreenControl control = new ScreenControl(screen, sent::add, CLOCK);

  @Test
  void theFrameHasTheTitleTheLinesTheStatusBarAndTheInputLineAtTheBottom() {
    screen.status(new Report("127.0.0.1:9999", 2, "connected", 3, null));
    screen.prompt("alice> ");
    screen.show(Event.message(NOW, "bob", "hello", false));
    type("half typed");
    List<String> rows = rows(screen.frame(10, 60));
    assertThat(rows).hasSize(10);
    assertThat(rows.get(0)).startsWith(" lobby | 2 online");
    assertThat(rows.get(1)).isEqualTo("17:05:30 <bob> hello");
    assertThat(rows.get(8)).isEqualTo(" [17:05] [alice] [2:lobby] | connected | rtt 3 ms");
    assertThat(rows.get(9)).isEqualTo("alice> half typed");
    ScreenLayout.Frame frame = screen.frame(10, 60);
    assertThat(frame.cursorRow()).isEqualTo(9);
    assertThat(frame.cursorColumn()).isEqualTo("alice> half typed".length());
  }

  @Test
  void aSmallerOrLargerScreenShowsTheSameNewestLinesFromTheBuffer() {
    for (int i = 1; i <= 50; i++) {
      screen.show(Event.message(NOW, "bob", "line " + i, false));
    }
    List<String> small = rows(screen.frame(8, 40));
    assertThat(small.subList(1, 6)).last().asString().endsWith("line 50");
    assertThat(small.get(1)).endsWith("line 46");
    List<String> tall = rows(screen.frame(30, 100));
    assertThat(tall.get(1)).endsWith("line 24");
    assertThat(tall.get(27)).endsWith("line 50");
    assertThat(tall.get(28)).startsWith(" [17:05] [alice]");
  }

  @Test
  void pageUpShowsOlderLinesAndSaysMoreBelowPageDownComesBack() {
    for (int i = 1; i <= 50; i++) {
      screen.show(Event.message(NOW, "bob", "line " + i, false));
    }
    control.onKey(Keys.Key.of(Keys.Action.PAGE_UP), "", 7);
    List<String> rows = rows(screen.frame(10, 60));
    assertThat(rows.get(7)).endsWith("line 44");
    assertThat(rows.get(8)).contains("-- more (6 below) --");
    screen.show(Event.message(NOW, "bob", "line 51", false));
    assertThat(rows(screen.frame(10, 60)).get(7))
        .as("a new line moves nothing")
        .endsWith("line 44");
    control.onKey(Keys.Key.of(Keys.Action.PAGE_DOWN), "", 7);
    control.onKey(Keys.Key.of(Keys.Action.PAGE_DOWN), "", 7);
    assertThat(rows(screen.frame(10, 60)).get(7)).endsWith("line 51");
  }

  @Test
  void aPrivateMessageOpensItsWindowUnshownAndListsItAsActivity() {
    screen.show(Event.privately(NOW, "bob", "alice", "psst", false));
    List<String> rows = rows(screen.frame(10, 80));
    assertThat(rows.get(8)).contains("[2:lobby] [Act: 3]");
    control.onKey(new Keys.Key(Keys.Action.WINDOW, 3), "", 7);
    rows = rows(screen.frame(10, 80));
    assertThat(rows.get(0)).startsWith(" private conversation with bob");
    assertThat(rows.get(1)).isEqualTo("17:05:30 [private] <bob> psst");
    assertThat(rows.get(8)).contains("[3:bob]").doesNotContain("Act");
    type("see you");
    control.onKey(Keys.Key.of(Keys.Action.ENTER), "", 7);
    assertThat(sent).containsExactly("/msg bob see you");
  }

  @Test
  void theWindowCommandsAreTheViewsAndTheRestGoesToTheSession() {
    control.submit("/query carol");
    assertThat(screen.windows.currentNumber()).isEqualTo(3);
    control.submit("/w 2");
    assertThat(screen.windows.currentNumber()).isEqualTo(2);
    control.submit("/wc");
    assertThat(rows(screen.frame(10, 100)).get(1)).contains("!! window 2 (lobby) cannot be closed");
    control.submit("/window 9");
    assertThat(rows(screen.frame(10, 100)).get(2)).contains("!! no window 9: there are 1 to 3");
    control.submit("/window 3");
    control.submit("/window close");
    assertThat(screen.windows.size()).isEqualTo(2);
    control.submit("/who");
    control.submit("hello room");
    assertThat(sent).containsExactly("/who", "hello room");
  }

  @Test
  void pastedLinesAreHandedOneByOne() {
    control.onKey(Keys.Key.of(Keys.Action.PASTE), "one\rtwo\r\nthree", 7);
    assertThat(rows(screen.frame(10, 60)).get(9)).isEqualTo("one\u21b5two\u21b5three");
    control.onKey(Keys.Key.of(Keys.Action.ENTER), "", 7);
    assertThat(sent).containsExactly("one", "two", "three");
  }

  @Test
  void tabCompletesCommandsAndNamesIgnoringCaseWithoutGuessing() {
    type("/qu");
    control.onKey(Keys.Key.of(Keys.Action.TAB), "", 7);
    assertThat(screen.input.text()).as("/query or /quit").isEqualTo("/qu");
    type("e");
    control.onKey(Keys.Key.of(Keys.Action.TAB), "", 7);
    assertThat(screen.input.text()).isEqualTo("/query ");
    screen.input.clear();
    type("hi B");
    control.onKey(Keys.Key.of(Keys.Action.TAB), "", 7);
    assertThat(screen.input.text()).isEqualTo("hi bob ");
    type("z");
    control.onKey(Keys.Key.of(Keys.Action.TAB), "", 7);
    assertThat(screen.input.text()).isEqualTo("hi bob z");
    screen.input.clear();
    type("bo");
    control.onKey(Keys.Key.of(Keys.Action.TAB), "", 7);
    assertThat(screen.input.text()).as("a name starting the line").isEqualTo("bob: ");
  }

  @Test
  void controlCharactersTypedOrPastedNeverReachTheScreenRaw() {
    control.onKey(Keys.Key.of(Keys.Action.INSERT), "\u001b[Z", 7);
    assertThat(screen.input.text()).isEmpty();
    control.onKey(Keys.Key.of(Keys.Action.PASTE), "red \u001b[31mtext", 7);
    assertThat(rows(screen.frame(10, 60)).get(9)).isEqualTo("red ^[[31mtext");
  }

  @Test
  void clearEmptiesTheShownWindowAndLastlogShowsItsLinesWithAWordAgain() {
    screen.show(Event.message(NOW, "bob", "the build is green", false));
    screen.show(Event.message(NOW, "carol", "lunch?", false));
    screen.show(Event.message(NOW, "bob", "BUILD red again", false));
    control.submit("/lastlog build");
    assertThat(rows(screen.frame(12, 60)).subList(1, 8))
        .containsExactly(
            "17:05:30 <bob> the build is green",
            "17:05:30 <carol> lunch?",
            "17:05:30 <bob> BUILD red again",
            "17:05:30 -- lastlog build: 2 lines",
            "17:05:30 <bob> the build is green",
            "17:05:30 <bob> BUILD red again",
            "17:05:30 -- end of lastlog build");
    control.submit("/clear");
    assertThat(rows(screen.frame(12, 60)).subList(1, 10)).allMatch(String::isEmpty);
    screen.show(Event.message(NOW, "bob", "after the clear", false));
    assertThat(rows(screen.frame(12, 60)).get(1)).isEqualTo("17:05:30 <bob> after the clear");
    control.submit("/lastlog nothing-like-it");
    assertThat(rows(screen.frame(12, 60)).get(2))
        .isEqualTo("17:05:30 -- lastlog nothing-like-it: 0 lines");
    assertThat(sent).as("neither goes to the server").isEmpty();
  }

  private void type(String text) {
    text.codePoints()
        .forEach(c -> control.onKey(Keys.Key.of(Keys.Action.INSERT), Character.toString(c), 7));
  }

  private static List<String> rows(ScreenLayout.Frame frame) {
    return frame.rows().stream()
        .map(AttributedString::toString)
        .map(String::stripTrailing)
        .toList();
  }
}
