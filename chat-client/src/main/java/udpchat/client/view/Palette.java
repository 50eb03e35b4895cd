package udpchat.client.view;

import java.util.List;
import org.jline.utils.AttributedStyle;
import udpchat.protocol.Names;

/**
 * The styles of the screen: each name in a colour of its own, notices dimmed, errors in red. Made
 * {@linkplain #monochrome() without colour} when the terminal has none or the user asked ({@code
 * --no-color}, {@code NO_COLOR}): then every style is the terminal's default.
 */
public final class Palette {

  /**
   * The colours names are drawn in: the six basic hues and their bright variants, which every
   * colour terminal has and which read on dark and light backgrounds alike (no black, no white).
   */
  static final List<Integer> NAME_COLOURS =
      List.of(
          AttributedStyle.RED,
          AttributedStyle.GREEN,
          AttributedStyle.YELLOW,
          AttributedStyle.BLUE,
          AttributedStyle.MAGENTA,
          AttributedStyle.CYAN,
          AttributedStyle.RED | AttributedStyle.BRIGHT,
          AttributedStyle.GREEN | AttributedStyle.BRIGHT,
          AttributedStyle.YELLOW | AttributedStyle.BRIGHT,
          AttributedStyle.BLUE | AttributedStyle.BRIGHT,
          AttributedStyle.MAGENTA | AttributedStyle.BRIGHT,
          AttributedStyle.CYAN | AttributedStyle.BRIGHT);

  private final boolean colour;

  private Palette(boolean colour) {
    this.colour = colour;
  }

  public static Palette colour() {
    return new Palette(true);
  }

  public static Palette monochrome() {
    return new Palette(false);
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
    return noColorAsked || terminalColours < 8 ? monochrome() : colour();
  }

  public boolean hasColour() {
    return colour;
  }

  /**
   * The colour of a name: the same name (ignoring case and width, as the room compares names)
   * always gets the same colour, in every client. {@link String#hashCode} is fixed by the Java
   * specification, so the choice does not change between runs.
   */
  public AttributedStyle name(String name) {
    if (!colour) {
      return AttributedStyle.DEFAULT;
    }
    return AttributedStyle.DEFAULT.foreground(colourIndexOf(name));
  }

  static int colourIndexOf(String name) {
    String key = Names.isWellFormed(name) ? Names.key(name) : String.valueOf(name);
    return NAME_COLOURS.get(Math.floorMod(key.hashCode(), NAME_COLOURS.size()));
  }

  /** This user's own name: its colour, in bold. */
  public AttributedStyle ownName(String name) {
    return colour ? name(name).bold() : AttributedStyle.DEFAULT;
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
