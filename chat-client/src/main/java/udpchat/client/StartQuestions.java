package udpchat.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import udpchat.client.discovery.ServerFinder;
import udpchat.client.view.Event;
import udpchat.client.view.View;
import udpchat.text.Names;
import udpchat.time.WallStamps;

/**
 * What the command line asks before the client joins: which server, when several answered
 * discovery, and the user's name when {@code --name} did not give one. Each returns null when the
 * input ends first.
 */
final class StartQuestions {

  private StartQuestions() {}

  /** The time shown beside a question: the wall clock's, as it is (no timer reads it). */
  private static Instant now() {
    return WallStamps.UNCONVERTED.now();
  }

  /** Several servers answered: the user picks one by number. */
  static ServerFinder.Found chooseServer(View view, List<ServerFinder.Found> found) {
    view.show(Event.notice(now(), "several chat servers answered:"));
    for (int i = 0; i < found.size(); i++) {
      view.show(Event.notice(now(), (i + 1) + ") " + found.get(i)));
    }
    String prompt = "server (1-" + found.size() + "): ";
    for (String line = view.readLine(prompt); line != null; line = view.readLine(prompt)) {
      try {
        int choice = Integer.parseInt(line.strip());
        if (choice >= 1 && choice <= found.size()) {
          return found.get(choice - 1);
        }
      } catch (NumberFormatException e) {
        // asked again below
      }
      view.show(Event.error(now(), "a number from 1 to " + found.size() + ", please"));
    }
    return null;
  }

  static String askName(View view) {
    view.show(Event.notice(now(), "your name? (letters, digits, _ - .)"));
    for (String line = view.readLine("name: "); line != null; line = view.readLine("name: ")) {
      Optional<String> problem = Names.problem(line.strip());
      if (problem.isEmpty()) {
        return line.strip();
      }
      view.show(Event.error(now(), problem.get()));
    }
    return null;
  }
}
