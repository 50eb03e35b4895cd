package udpchat.client.view.screen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;
import udpchat.client.view.Event;
import udpchat.client.view.format.Palette;

class ActivityListTest {

  private static final Instant AT = Instant.parse("2026-12-04T12:00:00Z");

  @Test
  void listsTheActiveWindowsAndHighlightsTheOnesThatNameTheUser() {
    WindowList windows = new WindowList("lobby", 10);
    Window bob = windows.openQuery("bob");
    windows.openQuery("carol");
    windows.select(1);
    windows.add(windows.room(), new AttributedString("<dave> hi"), Activity.TEXT);
    windows.add(bob, new AttributedString("<bob> psst"), Activity.MENTION);
    Palette palette = Palette.colour();
    AttributedString list = ActivityList.render(windows, palette, palette.status());
    assertThat(list.toString()).isEqualTo("[Act: 2,3]");
    assertThat(list.styleAt(list.toString().indexOf('3'))).isEqualTo(palette.mention());
    assertThat(list.styleAt(list.toString().indexOf('2'))).isNotEqualTo(palette.mention());
  }

  @Test
  void isEmptyWhenNothingIsUnseen() {
    WindowList windows = new WindowList("lobby", 10);
    assertThat(ActivityList.render(windows, Palette.colour(), AttributedStyle.INVERSE).length())
        .isZero();
  }

  @Test
  void aPrivateMessageOrTheUsersNameIsAMentionHistoryNeverIs() {
    assertThat(Activity.of(Event.privately(AT, "bob", "alice", "hi", false), "alice"))
        .isEqualTo(Activity.MENTION);
    assertThat(Activity.of(Event.message(AT, "bob", "hi ALICE!", false), "alice"))
        .isEqualTo(Activity.MENTION);
    assertThat(Activity.of(Event.message(AT, "bob", "hi alicette", false), "alice"))
        .isEqualTo(Activity.TEXT);
    assertThat(Activity.of(Event.message(AT, "bob", "hi alice", false).asOld(), "alice"))
        .isEqualTo(Activity.EVENT);
    assertThat(Activity.of(Event.notice(AT, "bob joined"), "alice")).isEqualTo(Activity.EVENT);
  }
}
