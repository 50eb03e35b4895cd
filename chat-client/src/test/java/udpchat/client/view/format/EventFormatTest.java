package udpchat.client.view.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import udpchat.client.view.Event;
import udpchat.client.view.QueuedView;
import udpchat.client.view.StatusSink;
import udpchat.client.view.terminal.PlainView;

class EventFormatTest {

  static final Instant NOON = Instant.parse("2026-11-23T12:00:01Z");
  final EventFormat format = new EventFormat(Clock.fixed(NOON, ZoneOffset.UTC));

  @Test
  void eachKindHasItsOwnShape() {
    assertThat(format.format(Event.message(NOON, "bob", "hello", false)))
        .isEqualTo("12:00:01 <bob> hello");
    assertThat(format.format(Event.action(NOON, "bob", "waves", false)))
        .isEqualTo("12:00:01 * bob waves");
    assertThat(format.format(Event.privately(NOON, "bob", "alice", "psst", false)))
        .isEqualTo("12:00:01 [private] <bob> psst");
    assertThat(format.format(Event.privately(NOON, "alice", "bob", "psst", true)))
        .isEqualTo("12:00:01 [private to bob] <alice> psst");
    assertThat(format.format(Event.notice(NOON, "carol joined (3 online)")))
        .isEqualTo("12:00:01 -- carol joined (3 online)");
    assertThat(format.format(Event.error(NOON, "no such member")))
        .isEqualTo("12:00:01 !! no such member");
  }

  @Test
  void theTimeFormatSetIsUsedFromThenOnAlsoBeforeADate() {
    format.timeFormat("HH:mm");
    assertThat(format.format(Event.message(NOON, "bob", "hello", false)))
        .isEqualTo("12:00 <bob> hello");
    assertThat(format.stamp(NOON.minusSeconds(86_400))).isEqualTo("2026-11-22 12:00");
    StyledFormat styled = new StyledFormat(Clock.fixed(NOON, ZoneOffset.UTC), Palette.monochrome());
    styled.timeFormat("HH:mm");
    assertThat(styled.format(Event.message(NOON, "bob", "hi", false), "alice").toString())
        .isEqualTo("12:00 <bob> hi");
  }

  @Test
  void thePlainViewBehindItsQueueChangesTheFormatBetweenTheLinesShownBeforeAndAfter()
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PlainView plain =
        new PlainView(
            new ByteArrayInputStream(new byte[0]),
            out,
            new EventFormat(Clock.fixed(NOON, ZoneOffset.UTC)));
    QueuedView view = new QueuedView(plain, StatusSink.NONE);
    view.show(Event.message(NOON, "bob", "before", false));
    view.timeFormat("HH:mm");
    view.show(Event.message(NOON, "bob", "after", false));
    assertThat(view.flush(Duration.ofSeconds(10))).isTrue();
    view.close();
    assertThat(out.toString(StandardCharsets.UTF_8).lines())
        .containsExactly("12:00:01 <bob> before", "12:00 <bob> after");
  }

  @Test
  void nothingFromTheNetworkReachesTheTerminalRaw() {
    String hostile = "\u001b]52;c;aGk=\u0007\u001b[2J\u009b31m\u202eevil";
    String line = format.format(Event.privately(NOON, hostile, hostile, hostile, true));
    assertThat(line).doesNotContain("\u001b", "\u0007", "\u009b", "\u202e");
    assertThat(line).contains("^[]52;c;aGk=^G^[[2J<U+009B>31m<U+202E>evil");
    assertThat(format.format(Event.notice(NOON, hostile))).doesNotContain("\u001b");
    assertThat(format.format(Event.error(NOON, hostile))).doesNotContain("\u001b");
    Event subject = Event.message(NOON, hostile, hostile, true);
    assertThat(format.format(Event.failed(NOON, 1, subject, hostile))).doesNotContain("\u001b");
    assertThat(format.format(Event.sending(NOON, 1, subject))).doesNotContain("\u001b");
  }

  @Test
  void theStatesOfASentMessageShowTheMessageAsTheRoomWillSeeIt() {
    Event subject = Event.message(NOON, "alice", "are you there?", true);
    assertThat(format.format(Event.sending(NOON, 1, subject)))
        .isEqualTo("12:00:01 .. sending: <alice> are you there?");
    assertThat(format.format(Event.delivered(NOON, 1, subject)))
        .isEqualTo("12:00:01 ok delivered: <alice> are you there?");
    assertThat(format.format(Event.failed(NOON, 1, subject, "no answer from the server for 1m")))
        .isEqualTo(
            "12:00:01 !! not delivered (no answer from the server for 1m): <alice> are you there?");
  }

  @Test
  void historyIsMarked() {
    assertThat(format.format(Event.message(NOON, "dave", "earlier", false).asOld()))
        .isEqualTo("12:00:01 [history] <dave> earlier");
    assertThat(format.format(Event.notice(NOON, "dave joined (2 online)").asOld()))
        .isEqualTo("12:00:01 -- [history] dave joined (2 online)");
  }

  @Test
  void aLineOfAnotherDayThanTodaySaysItsDateInTheLocalZone() {
    Instant yesterday = Instant.parse("2026-11-22T22:30:00Z");
    assertThat(format.format(Event.message(yesterday, "bob", "late", false).asOld()))
        .isEqualTo("2026-11-22 22:30:00 [history] <bob> late");
    // The same instant is already today in Tokyo (07:30 on the 23rd).
    EventFormat tokyo = new EventFormat(Clock.fixed(NOON, ZoneId.of("Asia/Tokyo")));
    assertThat(tokyo.format(Event.message(yesterday, "bob", "late", false)))
        .isEqualTo("07:30:00 <bob> late");
  }
}
