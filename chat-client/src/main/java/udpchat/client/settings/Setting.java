package udpchat.client.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A key {@code /set} knows, with the values it takes; the first value is the default. */
public enum Setting {
  /** How the time of a line is shown: with seconds, or without (irssi's default is without). */
  TIME_FORMAT("time_format", List.of("HH:mm:ss", "HH:mm"));

  private final String key;
  private final List<String> values;

  Setting(String key, List<String> values) {
    this.key = key;
    this.values = values;
  }

  /** The key as typed after {@code /set} and written in the config file. */
  public String key() {
    return key;
  }

  /** The values it takes, the default first. */
  public List<String> valid() {
    return values;
  }

  public String defaultValue() {
    return values.get(0);
  }

  /** The setting called {@code key} (case ignored), if there is one. */
  public static Optional<Setting> named(String key) {
    String asked = key.toLowerCase(Locale.ROOT);
    for (Setting setting : values()) {
      if (setting.key.equals(asked)) {
        return Optional.of(setting);
      }
    }
    return Optional.empty();
  }

  /** The valid value equal to {@code value}, if it is one. */
  public Optional<String> parse(String value) {
    return values.stream().filter(v -> v.equals(value)).findFirst();
  }

  /** The keys, for a usage line: {@code time_format}. */
  public static String keys() {
    return String.join(", ", Arrays.stream(values()).map(Setting::key).toList());
  }

  /** The values, for a usage line: {@code HH:mm:ss | HH:mm}. */
  public String choices() {
    return String.join(" | ", values);
  }
}
