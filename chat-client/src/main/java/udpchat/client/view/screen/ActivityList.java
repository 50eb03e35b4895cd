package udpchat.client.view.screen;

import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import udpchat.client.view.format.Palette;

/**
 * The status bar's list of windows with unseen lines, as irssi's {@code [Act: 2,3]}: notices dim,
 * words plain, windows that name the user (or hold a private message to them) highlighted. Empty
 * when nothing is unseen.
 */
final class ActivityList {

  private ActivityList() {}

  static AttributedString render(WindowList windows, Palette palette, AttributedStyle bar) {
    List<Integer> active = windows.active();
    AttributedStringBuilder line = new AttributedStringBuilder();
    if (active.isEmpty()) {
      return line.toAttributedString();
    }
    line.styled(bar, "[Act: ");
    for (int i = 0; i < active.size(); i++) {
      if (i > 0) {
        line.styled(bar, ",");
      }
      int number = active.get(i);
      line.styled(style(windows.get(number).activity(), palette, bar), String.valueOf(number));
    }
    line.styled(bar, "]");
    return line.toAttributedString();
  }

  private static AttributedStyle style(Activity activity, Palette palette, AttributedStyle bar) {
    return switch (activity) {
      case MENTION -> palette.hasColour() ? palette.mention() : bar.bold().underline();
      case TEXT -> bar.bold();
      default -> bar;
    };
  }
}
