package udpchat.server.room.members;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import udpchat.protocol.Presence;

/** How many suspicions a sweep tells, at exact instants: a bound on what they cost. */
public class PresenceBoardTest {

  static final long SUSPECT_AFTER_MS = 1500;

  /** Every member last heard at 0, the longest silent first (the order of the list). */
  static List<Member> silentSinceZero(int count) {
    List<Member> members = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      members.add(
          new Member(
              new InetSocketAddress("127.0.0.1", 42000 + i),
              "AAAAAAAAAAAAAAAAAAAAAA",
              "CCCCCCCCCCCCCCCCCCCC" + (10 + i),
              "m" + i,
              1,
              0));
    }
    return members;
  }

  @Test
  void aSweepTellsAsManySuspicionsAsItsDatagramsAllowTheLongestSilentFirst() {
    // 100 members, 1000 datagrams a sweep: 10 suspicions told.
    PresenceBoard board = new PresenceBoard(SUSPECT_AFTER_MS, 1000);
    List<Member> members = silentSinceZero(100);
    assertThat(board.sweep(members, 100, SUSPECT_AFTER_MS)).isEmpty();
    List<Presence> told = board.sweep(members, 100, SUSPECT_AFTER_MS + 1);
    assertThat(told).extracting(Presence::name).containsExactly(names(0, 10));
    assertThat(told).allMatch(p -> p.state().equals(Presence.SUSPECT));
    // The others are suspect all the same: /who reports every one of them.
    assertThat(board.report(members, SUSPECT_AFTER_MS + 1)).hasSize(100);
    // Said once per silence: the next sweep does not tell the rest.
    assertThat(board.sweep(members, 100, SUSPECT_AFTER_MS + 1000)).isEmpty();
  }

  @Test
  void onlyAToldSuspicionIsToldOverWhenTheMemberIsHeardAgain() {
    PresenceBoard board = new PresenceBoard(SUSPECT_AFTER_MS, 1000);
    List<Member> members = silentSinceZero(100);
    board.sweep(members, 100, SUSPECT_AFTER_MS + 1);
    assertThat(board.heard(members.get(0)))
        .contains(new Presence("m0", Presence.ACTIVE, null, null));
    assertThat(board.heard(members.get(50))).isEmpty(); // nobody was told it was suspect
    assertThat(board.heard(members.get(0))).isEmpty(); // no longer suspect
    assertThat(board.report(members, SUSPECT_AFTER_MS + 2)).hasSize(98);
  }

  @Test
  void aRoomLargerThanTheBudgetIsStillToldOfOneSuspicionASweep() {
    PresenceBoard board = new PresenceBoard(SUSPECT_AFTER_MS, 1000);
    List<Member> members = silentSinceZero(3);
    assertThat(board.sweep(members, 5000, SUSPECT_AFTER_MS + 1))
        .extracting(Presence::name)
        .containsExactly("m0");
  }

  @Test
  void aSmallRoomIsToldOfEverySuspicion() {
    PresenceBoard board = new PresenceBoard(SUSPECT_AFTER_MS);
    List<Member> members = silentSinceZero(50);
    assertThat(board.sweep(members, 50, SUSPECT_AFTER_MS + 1)).hasSize(50);
  }

  static String[] names(int from, int to) {
    String[] names = new String[to - from];
    for (int i = from; i < to; i++) {
      names[i - from] = "m" + i;
    }
    return names;
  }
}
