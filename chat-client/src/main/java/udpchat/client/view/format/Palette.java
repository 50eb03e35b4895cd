package udpchat.client.view.format;

import java.util.List;
import org.jline.utils.AttributedStyle;

/**
 * The styles of the screen: names in colours of their own ({@link NameColours} picks which),
 * notices dimmed, errors in bold red, your own name bold in the terminal's own colour. Made
 * {@linkplain #monochrome() without colour} when the terminal has none or the user asked ({@code
 * --no-color}, {@code NO_COLOR}): then every style is the terminal's default.
 */
public final class Palette {

  private static final AttributedStyle DEFAULT = AttributedStyle.DEFAULT;

  /**
   * The colours names are drawn in on a 256-colour terminal: 16 hues of the xterm palette that read
   * on dark and light backgrounds alike, none of them the red of errors, the default (your own
   * name) or grey (notices and times).
   */
  static final List<Integer> NAME_COLOURS_256 =
      List.of(28, 33, 172, 127, 37, 136, 63, 64, 31, 97, 130, 30, 91, 142, 25, 135);

  /** On an 8- or 16-colour terminal: the basic hues but red (errors), and their bright variants. */
  static final List<Integer> NAME_COLOURS_16 =
      List.of(
          AttributedStyle.GREEN,
          AttributedStyle.BLUE,
          AttributedStyle.YELLOW,
          AttributedStyle.MAGENTA,
          AttributedStyle.CYAN,
          AttributedStyle.GREEN | AttributedStyle.BRIGHT,
          AttributedStyle.BLUE | AttributedStyle.BRIGHT,
          AttributedStyle.YELLOW | AttributedStyle.BRIGHT,
          AttributedStyle.MAGENTA | AttributedStyle.BRIGHT,
          AttributedStyle.CYAN | AttributedStyle.BRIGHT);

  private final boolean colour;
  private final List<Integer> nameColours;

  private Palette(boolean colour, List<Integer> nameColours) {
    this.colour = colour;
    this.nameColours = nameColours;
  }

  /** Colour on a 256-colour terminal. */
  public static Palette colour() {
    return new Palette(true, NAME_COLOURS_256);
  }

  public static Palette monochrome() {
    return new Palette(false, List.of());
  }

  /**
   * Whether the user asked for no colour: {@code --no-color}, or a {@code NO_COLOR} environment
   * variable with any non-empty value (see no-color.org).
   */
  public static boolean noColorAsked(boolean noColorOption, String noColorEnv) {
    return noColorOption || (noColorEnv != null && !noColorEnv.isEmpty());
  }

  /**
   * Colour unless the user asked for none or the terminal has fewer than 8 colours (its {@code
   * max_colors}; a dumb terminal has none).
   */
  public static Palette choose(boolean noColorAsked, int terminalColours) {
    if (noColorAsked || terminalColours < 8) {
      return monochrome();
    }
    return terminalColours >= 256 ? colour() : new Palette(true, NAME_COLOURS_16);
  }

  public boolean hasColour() {
    return colour;
  }

  /** How many colours names are drawn in (none without colour). */
  public int nameColours() {
    return nameColours.size();
  }

  /** The style of the name colour number {@code index} (from {@link NameColours}). */
  public AttributedStyle name(int index) {
    return colour ? AttributedStyle.DEFAULT.foreground(nameColours.get(index)) : DEFAULT;
  }

  /** This user's own name: bold, in the terminal's own colour, which no other name has. */
  public AttributedStyle ownName() {
    return colour ? AttributedStyle.BOLD : DEFAULT;
  }

  public AttributedStyle time() {
    return colour ? AttributedStyle.DEFAULT.faint() : AttributedStyle.DEFAULT;
  }

  /** Joins, leaves, expiries, reconnects: there, but quieter than what people say. */
  public AttributedStyle notice() {
    return colour ? AttributedStyle.DEFAULT.faint() : AttributedStyle.DEFAULT;
  }

  public AttributedStyle error() {
    return colour ? AttributedStyle.BOLD.foreground(AttributedStyle.RED) : AttributedStyle.DEFAULT;
  }

  /** The {@code [private]} label. */
  public AttributedStyle privateLabel() {
    return colour
        ? AttributedStyle.BOLD.foreground(AttributedStyle.MAGENTA)
        : AttributedStyle.DEFAULT;
  }

  /** An action's text ({@code /me}). */
  public AttributedStyle action() {
    return colour ? AttributedStyle.DEFAULT.italic() : AttributedStyle.DEFAULT;
  }

  /** The user's name where someone else's message mentions it. */
  public AttributedStyle mention() {
    return colour
        ? AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW).inverse()
        : AttributedStyle.DEFAULT;
  }

  /** The status line at the bottom of the screen. */
  public AttributedStyle status() {
    return colour ? AttributedStyle.INVERSE : AttributedStyle.DEFAULT;
  }
}
