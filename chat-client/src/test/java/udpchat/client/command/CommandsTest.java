package udpchat.client.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import udpchat.client.settings.Setting;

class CommandsTest {

  @Test
  void plainTextIsSaidAsTyped() {
    assertThat(Commands.parse("  hello, world!  ")).isEqualTo(new Command.Say("  hello, world!  "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"quit", "  quit ", "/quit"})
  void quitAloneOnALineLeaves(String line) {
    assertThat(Commands.parse(line)).isEqualTo(new Command.Quit());
  }

  @Test
  void quitInsideASentenceIsJustText() {
    assertThat(Commands.parse("I quit")).isEqualTo(new Command.Say("I quit"));
    assertThat(Commands.parse("quit now")).isEqualTo(new Command.Say("quit now"));
  }

  @Test
  void irssisShortNamesAreTheCommandsTheyStandFor() {
    assertThat(Commands.parse("/m bob hi")).isEqualTo(new Command.Tell("bob", "hi"));
    assertThat(Commands.parse("/q bob")).isEqualTo(new Command.Query("bob"));
    assertThat(Commands.parse("/N")).isEqualTo(new Command.Who());
    assertThat(Commands.parse("/names")).isEqualTo(new Command.Who());
  }

  @Test
  void helpWithANameIsThatCommandsLinesAndAnUnknownNameIsSaidSo() {
    assertThat(Commands.helpFor("msg")).singleElement().asString().startsWith("/msg NAME TEXT");
    assertThat(Commands.helpFor("/M")).isEqualTo(Commands.helpFor("msg"));
    assertThat(Commands.helpFor("w")).hasSize(2).allMatch(line -> line.startsWith("/window "));
    assertThat(Commands.helpFor("quit")).singleElement().asString().startsWith("quit, /quit");
    assertThat(Commands.helpFor("")).isEqualTo(Commands.HELP);
    assertThat(Commands.parse("/help names")).isEqualTo(new Command.Help("names"));
    assertThat(Commands.parse("/help frobnicate"))
        .isEqualTo(
            new Command.Invalid(
                "no command frobnicate (/help lists them, each with what it does)"));
  }

  @Test
  void eachCommandIsRead() {
    assertThat(Commands.parse("/who")).isEqualTo(new Command.Who());
    assertThat(Commands.parse("/help")).isEqualTo(new Command.Help(""));
    assertThat(Commands.parse("/clear")).isEqualTo(new Command.Clear());
    assertThat(Commands.parse("/lastlog bob")).isEqualTo(new Command.Lastlog("bob"));
    assertThat(Commands.parse("/lastlog")).isInstanceOf(Command.Invalid.class);
    assertThat(Commands.parse("/me waves at  you")).isEqualTo(new Command.Act("waves at  you"));
    assertThat(Commands.parse("/msg bob  see you at 5"))
        .isEqualTo(new Command.Tell("bob", "see you at 5"));
    assertThat(Commands.parse("/nick Alicia")).isEqualTo(new Command.Nick("Alicia"));
    assertThat(Commands.parse("/hb off")).isEqualTo(new Command.Heartbeats(false));
    assertThat(Commands.parse("/hb on")).isEqualTo(new Command.Heartbeats(true));
    assertThat(Commands.parse("/away gone to lunch"))
        .isEqualTo(new Command.Away(true, "gone to lunch"));
    assertThat(Commands.parse("/away")).isEqualTo(new Command.Away(false, null));
    assertThat(Commands.parse("/back")).isEqualTo(new Command.Away(false, null));
  }

  @Test
  void theWindowCommandsAndTheirAliasesAreRead() {
    assertThat(Commands.parse("/window 3"))
        .isEqualTo(new Command.Window(Command.Window.Move.GOTO, 3));
    assertThat(Commands.parse("/W 10")).isEqualTo(new Command.Window(Command.Window.Move.GOTO, 10));
    assertThat(Commands.parse("/window close"))
        .isEqualTo(new Command.Window(Command.Window.Move.CLOSE, 0));
    assertThat(Commands.parse("/wc")).isEqualTo(new Command.Window(Command.Window.Move.CLOSE, 0));
    assertThat(Commands.parse("/window next"))
        .isEqualTo(new Command.Window(Command.Window.Move.NEXT, 0));
    assertThat(Commands.parse("/window prev"))
        .isEqualTo(new Command.Window(Command.Window.Move.PREVIOUS, 0));
    assertThat(Commands.parse("/query bob")).isEqualTo(new Command.Query("bob"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/window", "/window 0", "/window x", "/w -1", "/wc now", "/query", "/query a b"})
  void aWindowCommandWithoutItsArgumentIsAOneLineUsage(String line) {
    assertThat(Commands.parse(line))
        .isInstanceOfSatisfying(
            Command.Invalid.class,
            invalid -> assertThat(invalid.problem()).startsWith("usage: ").doesNotContain("\n"));
  }

  @Test
  void aDoubleSlashSendsALineThatStartsWithASlash() {
    assertThat(Commands.parse("//etc/hosts is a file"))
        .isEqualTo(new Command.Say("/etc/hosts is a file"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "/msg|usage: /msg NAME TEXT",
        "/msg bob|usage: /msg NAME TEXT",
        "/me|usage: /me ACTION",
        "/nick|usage: /nick NEW",
        "/nick two words|usage: /nick NEW",
        "/hb maybe|usage: /hb off | /hb on",
        "/dance|unknown command /dance"
      })
  void aBadCommandSaysWhatIsExpected(String line, String problem) {
    assertThat(Commands.parse(line))
        .isInstanceOfSatisfying(
            Command.Invalid.class, invalid -> assertThat(invalid.problem()).startsWith(problem));
  }

  @Test
  void aBlankLineDoesNothing() {
    assertThat(Commands.parse("   ")).isEqualTo(new Command.Nothing());
  }

  @Test
  void helpHasALineForEveryCommand() {
    assertThat(String.join("\n", Commands.HELP))
        .contains("/me", "/msg", "/who", "/nick", "/hb", "/help", "quit", "/quit");
  }

  @Test
  void helpListsEveryCommandOfTheCommandTable() {
    for (String command : Commands.COMPLETIONS.keySet()) {
      assertThat(Commands.HELP)
          .as("a /help line that starts with, or names, " + command)
          .anyMatch(line -> (" " + line).contains(" " + command + " "));
    }
  }

  @Test
  void ignoreUnignoreAndSetAreReadAndTheirMisuseIsOneLine() {
    assertThat(Commands.parse("/ignore BOB")).isEqualTo(new Command.Ignore("BOB"));
    assertThat(Commands.parse("/IGNORE")).isEqualTo(new Command.Ignore(""));
    assertThat(Commands.parse("/unignore bob")).isEqualTo(new Command.Unignore("bob"));
    assertThat(Commands.parse("/set")).isEqualTo(new Command.Set(null, null));
    assertThat(Commands.parse("/set TIME_FORMAT HH:mm"))
        .isEqualTo(new Command.Set(Setting.TIME_FORMAT, "HH:mm"));
    assertThat(Commands.parse("/ignore bob carol"))
        .isEqualTo(new Command.Invalid("usage: /ignore NAME (a name has no spaces)"));
    assertThat(Commands.parse("/unignore"))
        .isEqualTo(new Command.Invalid("usage: /unignore NAME (/ignore lists the names ignored)"));
    assertThat(Commands.parse("/ignore b@d")).isInstanceOf(Command.Invalid.class);
    assertThat(Commands.parse("/set time_format"))
        .isEqualTo(
            new Command.Invalid(
                "usage: /set KEY VALUE, KEY one of: time_format (/set alone lists them)"));
    assertThat(Commands.parse("/set time_format yyyy"))
        .isEqualTo(new Command.Invalid("usage: /set time_format HH:mm:ss | HH:mm"));
    assertThat(Commands.parse("/set bell off")).isInstanceOf(Command.Invalid.class);
    assertThat(Commands.helpFor("ignore")).singleElement().asString().contains("joined", "left");
  }

  @Test
  void commandsIgnoreCase() {
    assertThat(Commands.parse("/NICK bob")).isEqualTo(new Command.Nick("bob"));
    assertThat(Commands.parse("/Who")).isEqualTo(new Command.Who());
    assertThat(Commands.parse("/QUIT")).isEqualTo(new Command.Quit());
    assertThat(Commands.parse("/ME waves")).isEqualTo(new Command.Act("waves"));
  }

  @Test
  void historyBeyondTheCapIsTakenNotRefused() {
    assertThat(Commands.parse("/history 500")).isEqualTo(new Command.History(500));
    assertThat(Commands.parse("/history 99999999999"))
        .isEqualTo(new Command.History(Integer.MAX_VALUE));
    assertThat(Commands.parse("/history 0")).isInstanceOf(Command.Invalid.class);
    assertThat(Commands.parse("/history -3")).isInstanceOf(Command.Invalid.class);
    assertThat(Commands.parse("/history ten")).isInstanceOf(Command.Invalid.class);
  }
}
