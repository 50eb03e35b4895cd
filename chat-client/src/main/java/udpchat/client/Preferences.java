package udpchat.client;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import udpchat.client.settings.ConfigFile;
import udpchat.client.settings.Setting;
import udpchat.client.settings.Settings;
import udpchat.client.view.Event;
import udpchat.client.view.View;
import udpchat.time.WallStamps;

/**
 * The user's settings while the client runs, and what {@code /ignore}, {@code /unignore} and {@code
 * /set} do to them. Owned by the session's thread: read from the file before that thread starts,
 * then changed and read ({@link IgnoreFilter}) only there, and written there, whole, after each
 * change ({@link ConfigFile#write}, a small file; no lock is held). The view learns the time format
 * by a message on its queue ({@link View#timeFormat}).
 */
final class Preferences {

  private final Path file;
  private final View view;
  private final WallStamps stamps;
  private Settings settings;

  /**
   * @param file the config file, or {@code null} to keep nothing (changes last until quit)
   */
  Preferences(Path file, Settings settings, View view, WallStamps stamps) {
    this.file = file;
    this.settings = settings;
    this.view = view;
    this.stamps = stamps;
  }

  /** Reads {@code file} (null: none), saying each line it skipped once, and tells the view. */
  static Preferences load(Path file, View view, WallStamps stamps, long nowMs) {
    ConfigFile.Loaded loaded =
        file == null ? new ConfigFile.Loaded(Settings.DEFAULTS, List.of()) : ConfigFile.read(file);
    for (String problem : loaded.problems()) {
      view.show(Event.error(stamps.instantAt(nowMs), problem));
    }
    view.timeFormat(loaded.settings().value(Setting.TIME_FORMAT));
    return new Preferences(file, loaded.settings(), view, stamps);
  }

  Settings settings() {
    return settings;
  }

  void ignore(String name, long nowMs) {
    if (settings.ignores(name)) {
      notice(nowMs, "already ignoring " + name + " (/unignore " + name + " to see them again)");
      return;
    }
    change(settings.ignoring(name), nowMs, "ignoring " + name);
  }

  void unignore(String name, long nowMs) {
    if (!settings.ignores(name)) {
      error(nowMs, "not ignoring " + name + " (/ignore lists the names ignored)");
      return;
    }
    change(settings.unignoring(name), nowMs, "no longer ignoring " + name);
  }

  /** {@code /ignore} alone. */
  void listIgnored(long nowMs) {
    notice(
        nowMs,
        settings.ignored().isEmpty()
            ? "ignoring nobody (/ignore NAME hides NAME's messages)"
            : "ignoring: " + String.join(", ", settings.ignored()));
  }

  void set(Setting setting, String value, long nowMs) {
    change(settings.with(setting, value), nowMs, setting.key() + " is " + value);
    if (setting == Setting.TIME_FORMAT) {
      view.timeFormat(value);
    }
  }

  /** {@code /set} alone: one line per setting, with its value and the ones it takes. */
  void listSettings(long nowMs) {
    for (Setting setting : Setting.values()) {
      notice(
          nowMs,
          setting.key() + " " + settings.value(setting) + " (one of " + setting.choices() + ")");
    }
  }

  private void change(Settings changed, long nowMs, String done) {
    settings = changed;
    if (file == null) {
      notice(nowMs, done + " (until you quit: no config file)");
      return;
    }
    try {
      ConfigFile.write(file, changed);
      notice(nowMs, done + " (kept in " + shown(file) + ")");
    } catch (IOException e) {
      error(nowMs, done + ", until you quit: cannot write " + file + " (" + e.getMessage() + ")");
    }
  }

  /** The file's path with the home folder as {@code ~}. */
  private static String shown(Path file) {
    Path home = Path.of(System.getProperty("user.home"));
    Path absolute = file.toAbsolutePath();
    return absolute.startsWith(home) ? "~/" + home.relativize(absolute) : absolute.toString();
  }

  private void notice(long nowMs, String text) {
    view.show(Event.notice(stamps.instantAt(nowMs), text));
  }

  private void error(long nowMs, String text) {
    view.show(Event.error(stamps.instantAt(nowMs), text));
  }
}
