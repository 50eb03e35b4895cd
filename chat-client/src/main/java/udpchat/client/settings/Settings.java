package udpchat.client.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import udpchat.text.Names;

/**
 * What the config file keeps, as an immutable value: the ignored names (as the user typed them, in
 * the order ignored) and the value of each {@link Setting}. A change makes a new value, so a
 * snapshot handed to another thread never changes under it.
 */
public record Settings(List<String> ignored, Map<Setting, String> values) {

  public static final Settings DEFAULTS = new Settings(List.of(), Map.of());

  public Settings {
    ignored = List.copyOf(ignored);
    EnumMap<Setting, String> copy = new EnumMap<>(Setting.class);
    copy.putAll(values);
    values = Collections.unmodifiableMap(copy);
  }

  /** The value of {@code setting}: the one set, or its default. */
  public String value(Setting setting) {
    return values.getOrDefault(setting, setting.defaultValue());
  }

  public Settings with(Setting setting, String value) {
    EnumMap<Setting, String> changed = new EnumMap<>(Setting.class);
    changed.putAll(values);
    changed.put(setting, value);
    return new Settings(ignored, changed);
  }

  /** Whether {@code name} is ignored: see {@link #same}. */
  public boolean ignores(String name) {
    return name != null && ignored.stream().anyMatch(i -> same(i, name));
  }

  /** With {@code name} ignored too (unchanged when it already is). */
  public Settings ignoring(String name) {
    if (ignores(name)) {
      return this;
    }
    List<String> more = new ArrayList<>(ignored);
    more.add(name);
    return new Settings(more, values);
  }

  /** Without {@code name} (and any name the same as it) among the ignored. */
  public Settings unignoring(String name) {
    return new Settings(ignored.stream().filter(i -> !same(i, name)).toList(), values);
  }

  /**
   * Whether two names are one as the server sees them: equal {@link Names#key keys} (case, width,
   * compatibility forms folded) or names that look alike (the server lets only one of them in, so
   * {@code /ignore bill} also hides {@code biII}).
   */
  static boolean same(String a, String b) {
    if (Names.key(a).equals(Names.key(b))) {
      return true;
    }
    return !Collections.disjoint(Names.lookalikes(a), Names.lookalikes(b));
  }
}
