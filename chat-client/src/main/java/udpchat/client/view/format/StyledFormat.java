package udpchat.client.view.format;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import udpchat.client.view.Event;
import udpchat.text.Sanitizer;

/**
 * The line an {@link Event} becomes on a terminal: the same text as {@link EventFormat}, with
 * styles from a {@link Palette}. Every field from the network is sanitised first and the styles are
 * attributes of the {@link AttributedString}, so no escape sequence is ever built out of text that
 * came from the network; JLine writes the styles itself.
 */
public final class StyledFormat {

  /** What may stand around a name without being part of a longer word (names hold _ - .). */
  private static final String NAME_CHAR = "[\\p{L}\\p{N}\\p{M}_-]";

  private final Palette palette;
  private final EventFormat plain;
  private final NameColours colours;
  private final Supplier<Collection<String>> present;

  /**
   * Times in the clock's zone, dated when not of the clock's today (see {@link EventFormat}); names
   * in colours distinct among the {@code present} members while the palette allows.
   */
  public StyledFormat(Clock clock, Palette palette, Supplier<Collection<String>> present) {
    this.palette = palette;
    this.plain = new EventFormat(clock);
    this.colours = new NameColours(Math.max(1, palette.nameColours()));
    this.present = present;
  }

  /** With nobody known to be present. */
  public StyledFormat(Clock clock, Palette palette) {
    this(clock, palette, List::of);
  }

  public StyledFormat(ZoneId zone, Palette palette) {
    this(Clock.system(zone), palette);
  }

  /** The time of day as {@code pattern} from now on: see {@link EventFormat#timeFormat}. */
  public void timeFormat(String pattern) {
    plain.timeFormat(pattern);
  }

  public Palette palette() {
    return palette;
  }

  /**
   * The styled line for {@code event}; {@code me} is this user's name (or {@code null}), whose
   * mentions in other people's messages are highlighted.
   */
  public AttributedString format(Event event, String me) {
    AttributedStringBuilder line = new AttributedStringBuilder();
    line.styled(palette.time(), plain.stamp(event.time()));
    line.append(' ');
    String from = Sanitizer.clean(event.from());
    String text = Sanitizer.clean(event.text());
    AttributedStyle name = event.own() ? palette.ownName() : nameStyle(from);
    if (event.old() && event.kind() != Event.Kind.NOTICE) {
      line.styled(palette.notice(), "[history] ");
    }
    switch (event.kind()) {
      case SENDING:
      case DELIVERED:
        line.styled(palette.notice(), plain.body(event)); // the user's own words: no mention
        break;
      case FAILED:
        line.styled(palette.error(), plain.body(event));
        break;
      case MESSAGE:
        line.append('<').styled(name, from).append("> ");
        text(line, text, AttributedStyle.DEFAULT, event, me);
        break;
      case ACTION:
        line.styled(name, "* " + from).append(' ');
        text(line, text, palette.action(), event, me);
        break;
      case PRIVATE:
        String label =
            event.own() ? "[private to " + Sanitizer.clean(event.to()) + "]" : "[private]";
        line.styled(palette.privateLabel(), label).append(" <").styled(name, from).append("> ");
        text(line, text, AttributedStyle.DEFAULT, event, me);
        break;
      case NOTICE:
        line.styled(palette.notice(), "-- " + (event.old() ? "[history] " : "") + text);
        break;
      default:
        line.styled(palette.error(), "!! " + text);
    }
    return line.toAttributedString();
  }

  /**
   * The colour of someone else's name: one of its own among those present, kept for the session.
   */
  public AttributedStyle nameStyle(String name) {
    return palette.hasColour()
        ? palette.name(colours.of(name, present.get()))
        : AttributedStyle.DEFAULT;
  }

  /**
   * Whether {@code event} is someone else's message that names {@code me} as a word (ignoring
   * case): what rings the bell.
   */
  public static boolean mentions(Event event, String me) {
    return !event.own()
        && me != null
        && isSaid(event.kind())
        && mention(me).matcher(Sanitizer.clean(event.text())).find();
  }

  /**
   * Whether showing {@code event} rings the bell: a mention, or a private message to the user; not
   * when it is history.
   */
  public static boolean ringsBell(Event event, String me) {
    return !event.old()
        && (mentions(event, me) || (event.kind() == Event.Kind.PRIVATE && !event.own()));
  }

  private static boolean isSaid(Event.Kind kind) {
    return kind == Event.Kind.MESSAGE || kind == Event.Kind.ACTION || kind == Event.Kind.PRIVATE;
  }

  private static Pattern mention(String me) {
    return Pattern.compile(
        "(?<!" + NAME_CHAR + ")" + Pattern.quote(me) + "(?!" + NAME_CHAR + ")",
        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  /** The clean text in {@code style}, with each mention of {@code me} highlighted. */
  private void text(
      AttributedStringBuilder line, String text, AttributedStyle style, Event event, String me) {
    if (!mentions(event, me)) {
      line.styled(style, text);
      return;
    }
    Matcher matcher = mention(me).matcher(text);
    int done = 0;
    while (matcher.find()) {
      line.styled(style, text.substring(done, matcher.start()));
      line.styled(palette.mention(), matcher.group());
      done = matcher.end();
    }
    line.styled(style, text.substring(done));
  }
}
