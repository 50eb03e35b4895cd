package udpchat.client.view.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jline.utils.AttributedString;
import org.junit.jupiter.api.Test;
import udpchat.client.view.Event;

class WindowListTest {

  private static final Instant AT = Instant.parse("2026-12-04T12:00:00Z");

  private final WindowList windows = new WindowList("lobby", 100);

  @Test
  void startsWithTheStatusWindowAndTheRoomShown() {
    assertThat(windows.size()).isEqualTo(2);
    assertThat(windows.get(1).kind).isEqualTo(Window.Kind.STATUS);
    assertThat(windows.get(2).name()).isEqualTo("lobby");
    assertThat(windows.currentNumber()).isEqualTo(2);
  }

  @Test
  void eventsGoToTheRoomTheStatusWindowOrTheirConversation() {
    assertThat(windows.windowFor(Event.message(AT, "bob", "hi", false))).isSameAs(windows.room());
    assertThat(windows.windowFor(Event.notice(AT, "bob joined"))).isSameAs(windows.room());
    assertThat(windows.windowFor(Event.error(AT, "no reply").asServer()))
        .isSameAs(windows.status());
    Window bob = windows.windowFor(Event.privately(AT, "bob", "alice", "psst", false));
    assertThat(bob.kind).isEqualTo(Window.Kind.QUERY);
    assertThat(bob.name()).isEqualTo("bob");
    assertThat(windows.numberOf(bob)).isEqualTo(3);
    assertThat(windows.currentNumber()).as("opened, not shown").isEqualTo(2);
    // My own line to Bob, and its failure, land in the same window (names ignore case).
    Event mine = Event.privately(AT, "alice", "Bob", "hello?", true);
    assertThat(windows.windowFor(mine)).isSameAs(bob);
    assertThat(windows.windowFor(Event.failed(AT, 4, mine, "refused"))).isSameAs(bob);
    assertThat(windows.size()).isEqualTo(3);
  }

  @Test
  void switchingByNumberAndAroundWraps() {
    windows.openQuery("bob");
    assertThat(windows.select(4)).isFalse();
    assertThat(windows.select(0)).isFalse();
    assertThat(windows.select(3)).isTrue();
    windows.next();
    assertThat(windows.currentNumber()).isEqualTo(1);
    windows.previous();
    assertThat(windows.currentNumber()).isEqualTo(3);
    windows.previous();
    assertThat(windows.currentNumber()).isEqualTo(2);
  }

  @Test
  void onlyAConversationsWindowCloses() {
    assertThat(windows.closeCurrent())
        .hasValueSatisfying(
            problem -> assertThat(problem).contains("window 2 (lobby) cannot be closed"));
    windows.select(1);
    assertThat(windows.closeCurrent()).isPresent();
    windows.select(windows.openQuery("bob"));
    windows.openQuery("carol");
    assertThat(windows.closeCurrent()).isEmpty();
    assertThat(windows.size()).isEqualTo(3);
    assertThat(windows.currentNumber()).isEqualTo(2);
    assertThat(windows.get(3).name()).as("carol moved up").isEqualTo("carol");
  }

  @Test
  void theActivityListHasTheWindowsWithUnseenLinesAtTheirHighestLevel() {
    Window bob = windows.openQuery("bob");
    windows.add(windows.status(), line("key remembered"), Activity.EVENT);
    windows.add(windows.room(), line("<carol> hi"), Activity.TEXT); // shown: no activity
    windows.add(bob, line("<bob> hi"), Activity.TEXT);
    windows.add(bob, line("<bob> alice?"), Activity.MENTION);
    windows.add(bob, line("-- bob is away"), Activity.EVENT);
    assertThat(windows.active()).containsExactly(1, 3);
    assertThat(bob.activity()).isEqualTo(Activity.MENTION);
    windows.select(3);
    assertThat(windows.active()).containsExactly(1);
  }

  @Test
  void theMarkerStandsAboveTheFirstLineAddedSinceTheUserLeft() {
    windows.add(windows.room(), line("seen 1"), Activity.TEXT);
    windows.add(windows.room(), line("seen 2"), Activity.TEXT);
    windows.select(1);
    windows.add(windows.room(), line("unseen 1"), Activity.TEXT);
    windows.add(windows.room(), line("unseen 2"), Activity.TEXT);
    windows.select(2);
    assertThat(windows.room().markerAt()).isEqualTo(2);
    windows.select(1);
    windows.select(2);
    assertThat(windows.room().markerAt()).as("nothing new since").isEqualTo(-1);
  }

  private static AttributedString line(String text) {
    return new AttributedString(text);
  }
}
