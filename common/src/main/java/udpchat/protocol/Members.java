package udpchat.protocol;

import java.util.List;
import java.util.Objects;

/**
 * The member list, or one part of it: a large room's list is split over several datagrams, each
 * with the {@code total} and as many names as fit.
 */
public record Members(int total, List<String> names) implements ServerMessage {
  public Members {
    if (names == null || names.stream().anyMatch(Objects::isNull)) {
      throw new IllegalArgumentException("names must be a list of names");
    }
    names = List.copyOf(names);
    if (total < names.size()) {
      throw new IllegalArgumentException("total cannot be less than the names given");
    }
  }

  @Override
  public void dispatch(ServerMessage.Handler handler) {
    handler.onMembers(this);
  }
}
