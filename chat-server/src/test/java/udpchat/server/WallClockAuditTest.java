package udpchat.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Where the programs read the wall clock, and why: only to stamp or show a time. A timer (expiry,
 * heartbeats, retransmission, the sweep, the journal's sync, rate limits, the discovery wait) reads
 * the monotonic clock ({@code MonotonicClock}), which NTP or a user setting the date cannot move.
 * Every statement of the server's, common's, the client's and the bench's code that reads the wall
 * clock is listed here with its reason; a new one fails this test until it is looked at.
 */
public class WallClockAuditTest {

  static final Pattern WALL_CLOCK =
      Pattern.compile(
          "Clock\\.system(UTC|DefaultZone)?\\(|System\\.currentTimeMillis\\(|Instant\\.now\\("
              + "|(LocalDateTime|ZonedDateTime|OffsetDateTime|LocalTime)\\.now\\(|new Date\\(");

  record Allowed(String file, String statement, String why) {}

  static final List<Allowed> ALLOWED =
      List.of(
          new Allowed(
              "ChatServerCommand.java",
              "new ChatServer(config, MonotonicClock.INSTANCE, Clock.systemUTC())",
              "the second clock only stamps events (at), through WallStamps"),
          new Allowed(
              "ChatClientCommand.java",
              "config, view, MonotonicClock.INSTANCE, Clock.systemUTC(), roster, statusLine",
              "the second clock only stamps what the client says itself, through WallStamps"),
          new Allowed(
              "WallStamps.java",
              "UNCONVERTED = of(Clock.systemUTC())",
              "a time shown as it is; now() is what is shown, and no timer reads it"),
          new Allowed(
              "TerminalView.java",
              "Clock clock = Clock.system(zone)",
              "what the view shows: today's lines undated, a line for each new day"),
          new Allowed(
              "TerminalView.java",
              "Event.notice(Instant.now(),",
              "the time shown beside the hint on how to leave"),
          new Allowed(
              "ViewChoice.java",
              "Clock.systemDefaultZone()",
              "the full-screen view's clock: the times it shows (HH:MM, today's lines undated)"),
          new Allowed(
              "QueuedView.java",
              "Instant.now(), lost + \" line(s) not shown",
              "the time shown beside the note of lines the terminal was too slow for"),
          new Allowed(
              "EventFormat.java", "this(Clock.system(zone))", "which lines are today's, to show"),
          new Allowed(
              "StyledFormat.java",
              "this(Clock.system(zone), palette)",
              "which lines are today's, to show"),
          new Allowed(
              "JournalState.java",
              "lastCompactionAtMs = System.currentTimeMillis()",
              "the time of the last compaction, shown to the operator; nothing decides by it"),
          new Allowed(
              "RawLoad.java",
              "System.currentTimeMillis()",
              "the stamp (at) of a chat the raw reflector sends, as the server stamps its own"));

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void onlyStampsAndShownTimesReadTheWallClock() {
    List<String> unexplained = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    files.addAll(javaFiles(ROOT.resolve("chat-server/src/main/java")));
    files.addAll(javaFiles(ROOT.resolve("common/src/main/java")));
    files.addAll(javaFiles(ROOT.resolve("chat-client/src/main/java")));
    files.addAll(javaFiles(ROOT.resolve("chat-bench/src/main/java")));
    for (Path file : files) {
      for (String statement : statements(file)) {
        if (WALL_CLOCK.matcher(statement).find() && !allowed(file, statement)) {
          unexplained.add(ROOT.relativize(file) + ": " + statement);
        }
      }
    }
    assertThat(unexplained).as("timers on the wall clock, or a new wall-clock read").isEmpty();
    assertThat(files).hasSizeGreaterThan(100); // the scan found the sources
  }

  private static boolean allowed(Path file, String statement) {
    return ALLOWED.stream()
        .anyMatch(
            a ->
                file.getFileName().toString().equals(a.file())
                    && statement.contains(a.statement()));
  }

  /** The file's statements, comments removed and each on one line with single spaces. */
  private static List<String> statements(Path file) {
    try {
      String code =
          Files.readString(file)
              .replaceAll("(?s)/\\*.*?\\*/", " ")
              .replaceAll("(?m)^\\s*//.*$", " ")
              .replaceAll("\\s+", " ");
      return List.of(code.split("[;{}]"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> javaFiles(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(p -> p.toString().endsWith(".java")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
