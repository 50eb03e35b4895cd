package udpchat.client.settings;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import udpchat.files.PrivateFiles;
import udpchat.text.Names;

/**
 * Reads and writes the client's config file ({@code ~/.udpchat/config}), one entry a line:
 *
 * <pre>
 * # a comment; blank lines are skipped
 * ignore bob
 * set time_format HH:mm
 * </pre>
 *
 * <p>A line that cannot be read (not UTF-8, an unknown word or key, a bad value or name) is
 * reported with its number and otherwise skipped: the client starts with the rest. The client
 * writes the file whole (its own comments, the valid entries): a new 0600 file beside it, flushed,
 * then renamed over it, so a crash leaves the old file or the new one, never half of one.
 *
 * <p>No state here: whoever owns the {@link Settings} (the session's thread) calls {@link #write}
 * with a snapshot, holding no lock.
 */
public final class ConfigFile {

  /** The file's name in the client's folder. */
  public static final String NAME = "config";

  /** What a read found: the settings, and one line per line that could not be used. */
  public record Loaded(Settings settings, List<String> problems) {
    public Loaded {
      problems = List.copyOf(problems);
    }
  }

  private ConfigFile() {}

  /** The settings in {@code file}; the defaults when there is no such file. */
  public static Loaded read(Path file) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return new Loaded(Settings.DEFAULTS, List.of());
    } catch (IOException e) {
      return new Loaded(
          Settings.DEFAULTS,
          List.of("cannot read " + file + " (" + e.getClass().getSimpleName() + "): defaults"));
    }
    return parse(file, content);
  }

  /** The settings in {@code content}, the text of {@code file}. */
  static Loaded parse(Path file, byte[] content) {
    Settings settings = Settings.DEFAULTS;
    List<String> problems = new ArrayList<>();
    int start = 0;
    int number = 0;
    while (start < content.length) {
      int end = start;
      while (end < content.length && content[end] != '\n') {
        end++;
      }
      number++;
      Optional<String> line = decode(Arrays.copyOfRange(content, start, end));
      start = end + 1;
      String problem;
      if (line.isEmpty()) {
        problem = "not UTF-8 text";
      } else {
        String text = line.get().strip();
        if (text.isEmpty() || text.startsWith("#")) {
          continue;
        }
        String[] words = text.split("\\s+");
        problem = null;
        if (words[0].equals("ignore") && words.length == 2) {
          Optional<String> bad = Names.formProblem(words[1]);
          if (bad.isPresent()) {
            problem = bad.get();
          } else {
            settings = settings.ignoring(words[1]);
          }
        } else if (words[0].equals("set") && words.length == 3) {
          Optional<Setting> setting = Setting.named(words[1]);
          Optional<String> value = setting.flatMap(s -> s.parse(words[2]));
          if (setting.isEmpty()) {
            problem = "no setting " + words[1] + " (there are: " + Setting.keys() + ")";
          } else if (value.isEmpty()) {
            problem = words[1] + " is one of " + setting.get().choices();
          } else {
            settings = settings.with(setting.get(), value.get());
          }
        } else {
          problem = "expected: ignore NAME, or set KEY VALUE";
        }
      }
      if (problem != null) {
        problems.add(file + " line " + number + " skipped: " + problem);
      }
    }
    return new Loaded(settings, problems);
  }

  private static Optional<String> decode(byte[] line) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(line))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  /** The file's text for {@code settings}. */
  static String render(Settings settings) {
    StringBuilder text = new StringBuilder();
    text.append("# udpchat client settings, written by /ignore, /unignore and /set.\n");
    text.append("# ignore NAME: hide NAME's messages; set KEY VALUE: ");
    text.append(
        String.join(
            ", ", Arrays.stream(Setting.values()).map(s -> s.key() + " " + s.choices()).toList()));
    text.append('\n');
    for (String name : settings.ignored()) {
      text.append("ignore ").append(name).append('\n');
    }
    settings
        .values()
        .forEach((setting, value) -> text.append("set " + setting.key() + " " + value + "\n"));
    return text.toString();
  }

  /**
   * Replaces {@code file} with {@code settings}: written to a new 0600 file beside it (the folder
   * made 0700 if missing), flushed to disk, then renamed over it in one step.
   */
  public static void write(Path file, Settings settings) throws IOException {
    Path folder = file.toAbsolutePath().getParent();
    PrivateFiles.createFolders(folder);
    Path temp = folder.resolve("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel channel =
          PrivateFiles.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer bytes = ByteBuffer.wrap(render(settings).getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          channel.write(bytes);
        }
        channel.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
