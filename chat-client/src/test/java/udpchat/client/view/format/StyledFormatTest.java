package udpchat.client.view.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;
import udpchat.client.view.Event;

class StyledFormatTest {

  static final Instant NOON = Instant.parse("2026-11-23T12:00:01Z");
  static final Clock CLOCK = Clock.fixed(NOON, ZoneOffset.UTC);
  final EventFormat plain = new EventFormat(CLOCK);
  final StyledFormat styled = new StyledFormat(CLOCK, Palette.colour());
  final StyledFormat mono = new StyledFormat(CLOCK, Palette.monochrome());

  static final List<Event> EVENTS =
      List.of(
          Event.message(NOON, "bob", "hello alice", false),
          Event.message(NOON, "alice", "hello bob", true),
          Event.action(NOON, "bob", "waves at ALICE.", false),
          Event.privately(NOON, "bob", "alice", "psst", false),
          Event.privately(NOON, "alice", "bob", "psst", true),
          Event.notice(NOON, "carol joined (3 online)"),
          Event.error(NOON, "no such member"));

  @Test
  void theTextIsExactlyThePlainFormatWithOrWithoutColour() {
    for (Event event : EVENTS) {
      assertThat(styled.format(event, "alice").toString()).isEqualTo(plain.format(event));
      assertThat(mono.format(event, "alice").toString()).isEqualTo(plain.format(event));
    }
  }

  @Test
  void aNameKeepsItsColourIgnoringCaseAndOwnIsBoldInTheDefaultColour() {
    AttributedString line = styled.format(Event.message(NOON, "bob", "hi", false), null);
    AttributedStyle bob = line.styleAt("12:00:01 <".length());
    AttributedString again = styled.format(Event.message(NOON, "BOB", "hi", false), null);
    assertThat(again.styleAt("12:00:01 <".length())).isEqualTo(bob);
    AttributedString own = styled.format(Event.message(NOON, "alice", "hi", true), null);
    assertThat(own.styleAt("12:00:01 <".length())).isEqualTo(AttributedStyle.BOLD);
  }

  @Test
  void namePaletteHasTwelveColoursAtLeastNoneOfThemAnErrorNoticeOrOwnName() {
    for (Palette palette : List.of(Palette.colour(), Palette.choose(false, 16))) {
      List<AttributedStyle> names =
          java.util.stream.IntStream.range(0, palette.nameColours())
              .mapToObj(palette::name)
              .toList();
      assertThat(names).doesNotHaveDuplicates();
      assertThat(names)
          .doesNotContain(
              palette.error(),
              palette.notice(),
              palette.ownName(),
              AttributedStyle.DEFAULT,
              AttributedStyle.DEFAULT.foreground(AttributedStyle.RED),
              AttributedStyle.DEFAULT.foreground(AttributedStyle.RED | AttributedStyle.BRIGHT));
    }
    assertThat(Palette.colour().nameColours()).isGreaterThanOrEqualTo(12);
    for (int reds : List.of(1, 9, 52, 88, 124, 160, 196)) {
      assertThat(Palette.NAME_COLOURS_256).doesNotContain(reds);
    }
  }

  @Test
  void namesPresentGetDistinctColoursWhileThePaletteAllows() {
    List<String> present =
        List.of(
            "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
            "mallory", "niaj", "olivia", "peggy", "rupert", "sybil");
    StyledFormat format = new StyledFormat(CLOCK, Palette.colour(), () -> present);
    List<AttributedStyle> styles =
        present.stream()
            .map(name -> format.format(Event.message(NOON, name, "hi", false), null))
            .map(line -> line.styleAt("12:00:01 <".length()))
            .toList();
    assertThat(styles).doesNotHaveDuplicates();
    // One more than the palette has must share, but nobody's colour changes.
    AttributedStyle trent = format.nameStyle("trent");
    assertThat(styles).contains(trent);
    assertThat(format.nameStyle("bob")).isEqualTo(styles.get(1));
  }

  @Test
  void noColourAtAllForNamesWithNoColor() {
    StyledFormat none =
        new StyledFormat(CLOCK, Palette.choose(Palette.noColorAsked(false, "1"), 256));
    assertThat(none.nameStyle("bob")).isEqualTo(AttributedStyle.DEFAULT);
  }

  @Test
  void noticesAreDimmedAndErrorsRed() {
    AttributedString notice = styled.format(Event.notice(NOON, "x joined"), null);
    assertThat(notice.styleAt(notice.length() - 1)).isEqualTo(AttributedStyle.DEFAULT.faint());
    AttributedString error = styled.format(Event.error(NOON, "bad"), null);
    assertThat(error.styleAt(error.length() - 1)).isEqualTo(Palette.colour().error());
  }

  @Test
  void aMentionOfMyNameIsHighlightedAsAWordIgnoringCase() {
    Event event = Event.message(NOON, "bob", "hi Alice, and alicex and _alice", false);
    AttributedString line = styled.format(event, "alice");
    int at = line.toString().indexOf("Alice");
    assertThat(line.styleAt(at)).isEqualTo(Palette.colour().mention());
    assertThat(line.styleAt(line.toString().indexOf("alicex"))).isEqualTo(AttributedStyle.DEFAULT);
    assertThat(line.styleAt(line.toString().indexOf("_alice") + 1))
        .isEqualTo(AttributedStyle.DEFAULT);

    assertThat(StyledFormat.mentions(event, "alice")).isTrue();
    assertThat(StyledFormat.mentions(Event.message(NOON, "bob", "alicex", false), "alice"))
        .isFalse();
    assertThat(StyledFormat.mentions(Event.message(NOON, "bob", "alice.", false), "alice"))
        .isTrue();
    assertThat(StyledFormat.mentions(Event.message(NOON, "alice", "I am alice", true), "alice"))
        .as("my own message")
        .isFalse();
    assertThat(StyledFormat.mentions(Event.notice(NOON, "alice joined"), "alice")).isFalse();
    assertThat(StyledFormat.mentions(event, null)).isFalse();
  }

  @Test
  void theBellRingsForAMentionOrAPrivateMessageToMe() {
    assertThat(StyledFormat.ringsBell(Event.message(NOON, "bob", "hey alice", false), "alice"))
        .isTrue();
    assertThat(StyledFormat.ringsBell(Event.message(NOON, "bob", "hey all", false), "alice"))
        .isFalse();
    assertThat(StyledFormat.ringsBell(Event.privately(NOON, "bob", "alice", "x", false), "alice"))
        .isTrue();
    assertThat(StyledFormat.ringsBell(Event.privately(NOON, "alice", "bob", "x", true), "alice"))
        .isFalse();
  }

  @Test
  void monochromeWritesNoEscapeSequenceAtAll() {
    for (Event event : EVENTS) {
      assertThat(mono.format(event, "alice").toAnsi(256, false)).doesNotContain("\u001b");
    }
  }

  @Test
  void escapesFromTheNetworkAreTextAndOnlyOurStylesBecomeSequences() {
    String hostile = "\u001b[31mred\u001b]0;title\u0007 alice";
    AttributedString line = styled.format(Event.message(NOON, hostile, hostile, false), "alice");
    assertThat(line.toString()).doesNotContain("\u001b", "\u0007");
    assertThat(line.toString())
        .isEqualTo(plain.format(Event.message(NOON, hostile, hostile, false)));
  }

  @Test
  void noColourWhenAskedOrWhenTheTerminalHasNone() {
    assertThat(Palette.noColorAsked(false, null)).isFalse();
    assertThat(Palette.noColorAsked(false, "")).as("empty NO_COLOR does not count").isFalse();
    assertThat(Palette.noColorAsked(false, "1")).isTrue();
    assertThat(Palette.noColorAsked(true, null)).isTrue();
    assertThat(Palette.choose(false, 8).hasColour()).isTrue();
    assertThat(Palette.choose(false, 7).hasColour()).isFalse();
    assertThat(Palette.choose(false, 0).hasColour()).isFalse();
    assertThat(Palette.choose(true, 256).hasColour()).isFalse();
  }
}
