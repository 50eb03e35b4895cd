package udpchat.client.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import udpchat.client.view.RosterView;
import udpchat.protocol.Chat;
import udpchat.protocol.Members;
import udpchat.protocol.Notice;
import udpchat.protocol.Presence;
import udpchat.protocol.Welcome;

/** The member list kept from what the server says. */
class RosterTest {

  static final String TOKEN = "AAAAAAAAAAAAAAAAAAAAAA";
  final Roster roster = new Roster();

  @Test
  void followsTheWelcomeNoticesAndMemberLists() {
    assertThat(roster.me()).isNull();
    roster.onMessage(new Welcome(TOKEN, "alice", 5000, 15000, 3, 1, 0, 0), 0);
    assertThat(roster.me()).isEqualTo("alice");
    assertThat(roster.online()).isEqualTo(3);
    assertThat(roster.names()).containsExactly("alice");

    roster.onMessage(new Members(3, List.of("alice", "Bob", "carol")), 1);
    assertThat(roster.names()).containsExactly("alice", "Bob", "carol");

    roster.onMessage(Notice.unnumbered(Notice.Kind.JOINED.wire(), "dave", 4), 2);
    roster.onMessage(Notice.unnumbered(Notice.Kind.LEFT.wire(), "BOB", 3), 3);
    roster.onMessage(Notice.unnumbered(Notice.Kind.EXPIRED.wire(), "carol", 2), 4);
    assertThat(roster.names()).containsExactly("alice", "dave");
    assertThat(roster.online()).isEqualTo(2);

    roster.onMessage(
        new Notice(Notice.Kind.RENAMED.wire(), "dave", "David", 2, 1L, 0L, 0L, null, null), 5);
    roster.onMessage(
        new Notice(Notice.Kind.RENAMED.wire(), "alice", "Alicia", 2, 1L, 0L, 0L, null, null), 6);
    assertThat(roster.me()).isEqualTo("Alicia");
    assertThat(roster.names()).containsExactly("Alicia", "David");
  }

  @Test
  void aNoticeNamingSeveralMembersAddsOrRemovesThemAll() {
    roster.onMessage(new Welcome(TOKEN, "alice", 5000, 15000, 1, 1, 0, 0), 0);
    roster.onMessage(
        new Notice(
            Notice.Kind.JOINED.wire(),
            null,
            null,
            4,
            1L,
            0L,
            0L,
            null,
            null,
            List.of("bob", "carol", "dave")),
        1);
    assertThat(roster.names()).containsExactly("alice", "bob", "carol", "dave");
    assertThat(roster.online()).isEqualTo(4);
    roster.onMessage(
        new Notice(
            Notice.Kind.EXPIRED.wire(),
            null,
            null,
            2,
            2L,
            1L,
            0L,
            null,
            null,
            List.of("BOB", "dave")),
        2);
    assertThat(roster.names()).containsExactly("alice", "carol");
    assertThat(roster.online()).isEqualTo(2);
  }

  @Test
  void aKindOfNoticeFromANewerServerChangesOnlyTheCount() {
    roster.onMessage(new Welcome(TOKEN, "alice", 5000, 15000, 2, 1, 0, 0), 0);
    roster.onMessage(new Members(2, List.of("alice", "bob")), 1);
    roster.onMessage(new Notice("kicked", "bob", null, 1, 1L, 0L, 0L, null, null), 2);
    assertThat(roster.names()).containsExactly("alice", "bob");
    assertThat(roster.online()).isEqualTo(1);
  }

  @Test
  void aSpeakerIsAMemberAndInvalidNamesInAListAreNeverOffered() {
    roster.onMessage(new Welcome(TOKEN, "alice", 5000, 15000, 1, 1, 0, 0), 0);
    roster.onMessage(Chat.posted(1, 0, "erin", "hi", false), 1);
    roster.onMessage(new Members(9, List.of("frank", "\u001b[31mevil", "two words")), 2);
    assertThat(roster.names()).containsExactly("alice", "erin", "frank");
    assertThat(roster.online()).isEqualTo(9);
  }

  @Test
  void presenceGivesRemarksUntilTheMemberIsActiveOrGone() {
    roster.onMessage(new Welcome(TOKEN, "alice", 5000, 15000, 3, 1, 0, 0), 0);
    roster.onMessage(new Presence("bob", Presence.AWAY, "lunch", null), 1);
    roster.onMessage(new Presence("carol", Presence.SUSPECT, null, 8_900L), 2);
    roster.onMessage(new Presence("alice", Presence.AWAY, null, null), 3);
    assertThat(roster.members())
        .containsExactly(
            new RosterView.Entry("alice", "away"),
            new RosterView.Entry("bob", "away: lunch"),
            new RosterView.Entry("carol", "suspect (silent 8s)"));
    roster.onMessage(
        new Notice(Notice.Kind.RENAMED.wire(), "bob", "Bobby", 3, 1L, 0L, 0L, null, null), 4);
    assertThat(roster.remark("bobby")).isEqualTo("away: lunch");
    roster.onMessage(new Presence("carol", Presence.ACTIVE, null, null), 5);
    assertThat(roster.remark("carol")).isNull();
    roster.onMessage(Notice.unnumbered(Notice.Kind.LEFT.wire(), "Bobby", 2), 6);
    roster.onMessage(Notice.unnumbered(Notice.Kind.JOINED.wire(), "bob", 3), 7);
    assertThat(roster.remark("bob")).isNull();
  }

  @Test
  void myOwnExpiryKeepsMe() {
    roster.onMessage(new Welcome(TOKEN, "alice", 5000, 15000, 1, 1, 0, 0), 0);
    roster.onMessage(Notice.unnumbered(Notice.Kind.EXPIRED.wire(), "alice", 0), 1);
    assertThat(roster.names()).containsExactly("alice");
  }
}
