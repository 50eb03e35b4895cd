package udpchat.client.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.Test;

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
  void aNameHasTheSameColourEverywhereIgnoringCaseAndOwnIsBold() {
    AttributedString line = styled.format(Event.message(NOON, "bob", "hi", false), null);
    AttributedStyle bob = line.styleAt("12:00:01 <".length());
    assertThat(bob).isEqualTo(Palette.colour().name("bob"));
    assertThat(Palette.colour().name("BOB")).isEqualTo(bob);
    assertThat(Palette.colourIndexOf("bob")).isEqualTo(Palette.colourIndexOf("Ｂｏｂ"));
    AttributedString own = styled.format(Event.message(NOON, "bob", "hi", true), null);
    assertThat(own.styleAt("12:00:01 <".length())).isEqualTo(bob.bold());
    // Not every name gets the same colour.
    assertThat(
            List.of("alice", "bob", "carol", "dave", "erin", "frank").stream()
                .map(Palette::colourIndexOf)
                .distinct())
        .hasSizeGreaterThan(2);
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
