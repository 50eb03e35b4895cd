package udpchat.client.view;

import java.util.List;

/** What the view needs to know about the room: the user's own name and the members to offer. */
public interface RosterView {

  /** Knows nobody: no completion of names, no mentions. */
  RosterView EMPTY =
      new RosterView() {
        @Override
        public String me() {
          return null;
        }

        @Override
        public List<Entry> members() {
          return List.of();
        }
      };

  /** This user's name, or {@code null} before the first welcome. */
  String me();

  /** The members, in {@code /who} order. */
  List<Entry> members();

  /**
   * One member.
   *
   * @param name a valid name (see {@code udpchat.text.Names})
   * @param remark what to show beside it, like {@code idle} or {@code away: lunch}, or {@code
   *     null}; from the network, so sanitised before it is shown
   */
  record Entry(String name, String remark) {}
}
