package udpchat.client.view.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.Parser.ParseContext;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;
import udpchat.client.view.RosterView;

class ChatCompleterTest {

  final RosterView roster =
      new RosterView() {
        @Override
        public String me() {
          return "alice";
        }

        @Override
        public List<Entry> members() {
          return List.of(
              new Entry("alice", null),
              new Entry("bob", "idle"),
              new Entry("carol", "away: \u001b[31mlunch"));
        }
      };

  final ChatCompleter completer =
      new ChatCompleter(Map.of("/msg", "a private message", "/who", "list"), roster);

  List<Candidate> complete(String line) {
    List<Candidate> candidates = new ArrayList<>();
    completer.complete(
        null, new DefaultParser().parse(line, line.length(), ParseContext.COMPLETE), candidates);
    return candidates;
  }

  List<String> values(String line) {
    return complete(line).stream().map(Candidate::value).sorted().toList();
  }

  @Test
  void namesAfterIgnoreAndUnignoreAndTheKeysAndValuesOfSet() {
    assertThat(values("/ignore b")).containsExactly("bob", "carol");
    assertThat(values("/unignore b")).containsExactly("bob", "carol");
    assertThat(values("/set ")).containsExactly("time_format");
    assertThat(complete("/set t").get(0).descr()).isEqualTo("HH:mm:ss | HH:mm");
    assertThat(values("/set time_format H")).containsExactly("HH:mm", "HH:mm:ss");
    assertThat(values("/set colour ")).isEmpty();
  }

  @Test
  void commandsAtTheStartOfALine() {
    assertThat(values("/m")).containsExactly("/msg", "/who");
    assertThat(complete("/").get(0).descr()).isNotBlank();
  }

  @Test
  void namesOtherThanMineAfterMsgAndInText() {
    assertThat(values("/msg b")).containsExactly("bob", "carol");
    assertThat(values("/query c")).containsExactly("bob", "carol");
    assertThat(values("hello b")).containsExactly("bob", "carol");
    assertThat(values("b"))
        .as("a message that starts with a name")
        .containsExactly("bob:", "carol:");
    assertThat(values("/m b")).containsExactly("bob", "carol");
    assertThat(values("/q c")).containsExactly("bob", "carol");
    assertThat(values("/help m")).containsExactly("msg", "who");
    assertThat(values("/me waves at ")).containsExactly("bob", "carol");
    assertThat(values("/nick b")).isEmpty();
    assertThat(values("/hb o")).containsExactly("off", "on");
  }

  @Test
  void remarksAreShownSanitised() {
    Candidate carol =
        complete("/msg c").stream().filter(c -> c.value().equals("carol")).findFirst().get();
    assertThat(carol.descr()).isEqualTo("away: ^[[31mlunch");
    assertThat(carol.complete()).isTrue();
  }
}
